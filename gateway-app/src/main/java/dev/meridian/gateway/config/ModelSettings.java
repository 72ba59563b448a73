package dev.meridian.gateway.config;

import org.jspecify.annotations.Nullable;

/**
 * One entry under {@code models}: a deployment of an upstream model under the name clients use.
 * Entries sharing a {@code name} form a load-balanced group.
 *
 * @param rpm requests per minute the deployment takes; routing keeps under it
 * @param tpm tokens per minute the deployment takes; routing keeps under it
 * @param contextWindow the most prompt tokens it takes, where the catalog does not know or is wrong
 */
public record ModelSettings(@Nullable String name, @Nullable String provider, @Nullable String model,
		@Nullable Integer weight, @Nullable Integer rpm, @Nullable Integer tpm, @Nullable Double inputCostPerMtok,
		@Nullable Double outputCostPerMtok, @Nullable Double cachedInputCostPerMtok, @Nullable Boolean cache,
		@Nullable Integer contextWindow) {
}
