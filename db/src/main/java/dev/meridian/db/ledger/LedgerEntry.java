package dev.meridian.db.ledger;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One row of the spend ledger: what one client request came to.
 *
 * @param requestId the gateway's request id; a row written twice is stored once
 * @param operation the client API: {@code chat}, {@code completions}, {@code embeddings}, {@code messages},
 * {@code responses}
 * @param requestedModel the model name the client asked for ({@code auto} for smart-routed requests)
 * @param deployment {@code provider/upstream-model} that served the request; null when none was called
 * @param costUsd null when usage or price is unknown
 * @param baselineCostUsd for smart-routed requests, what the same usage would have cost at the baseline model
 * @param firstTokenMs time to the first streamed event; null for answers that were not streamed
 * @param status the HTTP status the client got; 499 when the client went away first
 * @param errorCode the error envelope's {@code code} (or type) when the request failed
 * @param routeTier the smart-routing tier, when the request was smart-routed
 * @param fallbacks how many fallback models were tried
 */
public record LedgerEntry(String requestId, Instant occurredAt, @Nullable UUID keyId, @Nullable UUID teamId,
		String operation, String requestedModel, @Nullable String deployment, @Nullable String provider,
		int inputTokens, int outputTokens, int cachedTokens, @Nullable Double costUsd, @Nullable Double baselineCostUsd,
		double latencyMs, @Nullable Double firstTokenMs, int status, @Nullable String errorCode,
		@Nullable String routeTier, boolean cacheHit, int fallbacks) {
}
