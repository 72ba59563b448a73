package dev.meridian.db.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A ledger row as stored, costs as exact decimals; the fields mean what {@link LedgerEntry}'s do. */
public record LedgerRow(String requestId, Instant occurredAt, @Nullable UUID keyId, @Nullable UUID teamId,
		String operation, String requestedModel, @Nullable String deployment, @Nullable String provider,
		int inputTokens, int outputTokens, int cachedTokens, @Nullable BigDecimal costUsd,
		@Nullable BigDecimal baselineCostUsd, double latencyMs, @Nullable Double firstTokenMs, int status,
		@Nullable String errorCode, @Nullable String routeTier, boolean cacheHit, int fallbacks) {
}
