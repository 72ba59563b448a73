package dev.meridian.gateway.metrics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.gateway.json.Usage;
import org.jspecify.annotations.Nullable;

/**
 * What one client request came to, recorded once it has ended.
 *
 * @param requestId the id the client got in {@code x-meridian-request-id}
 * @param startedAt when the request arrived
 * @param keyId the virtual key that sent it; null for the master key or an unauthenticated request
 * @param teamId the key's team, if any
 * @param team the team's name, {@code none} without a team
 * @param model the model name the client asked for ({@code unknown} when not configured)
 * @param deployment {@code provider/upstream-model} that served it; null when no provider was called
 * @param provider the provider that served it ({@code none} when no provider was called)
 * @param status the HTTP status the client got; 499 when the client went away first
 * @param errorCode the error envelope's code (or type when it has no code) when the request failed
 * @param firstTokenNanos time to the first streamed event, or -1 for answers that were not streamed
 * @param costUsd null when usage or price is unknown
 * @param attempts how many upstream attempts it took, retries and fallbacks included
 * @param fallbacks the fallback models it moved on to, in order; empty when the requested model served it
 * @param routeTier the smart-routing tier that chose the model; null when the request was not smart-routed
 * @param baselineCostUsd what the same usage would have cost at the smart-routing baseline's price; null
 * when not smart-routed, or usage or that price is unknown
 */
public record RequestOutcome(String requestId, Instant startedAt, @Nullable UUID keyId, @Nullable UUID teamId,
		String team, String operation, String model, @Nullable String deployment, String provider, int status,
		@Nullable String errorCode, long durationNanos, long overheadNanos, long firstTokenNanos, @Nullable Usage usage,
		@Nullable Double costUsd, int attempts, List<String> fallbacks, @Nullable String routeTier,
		@Nullable Double baselineCostUsd) {
}
