package dev.meridian.gateway.metrics;

import java.util.List;

import dev.meridian.gateway.json.Usage;
import org.jspecify.annotations.Nullable;

/**
 * What one client request came to, recorded once it has ended.
 *
 * @param model the model name the client asked for ({@code unknown} when not configured)
 * @param provider the provider that served it ({@code none} when no provider was called)
 * @param status the HTTP status the client got; 499 when the client went away first
 * @param firstTokenNanos time to the first streamed event, or -1 for answers that were not streamed
 * @param costUsd null when usage or price is unknown
 * @param deployment the deployment that served it, {@code provider/upstream-model} ({@code none} when none was called)
 * @param attempts how many upstream attempts it took, retries and fallbacks included
 * @param fallbacks the fallback models it moved on to, in order; empty when the requested model served it
 */
public record RequestOutcome(String operation, String model, String provider, int status, long durationNanos,
		long overheadNanos, long firstTokenNanos, @Nullable Usage usage, @Nullable Double costUsd, String deployment,
		int attempts, List<String> fallbacks) {
}
