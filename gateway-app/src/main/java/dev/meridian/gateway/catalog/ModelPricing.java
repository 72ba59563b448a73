package dev.meridian.gateway.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a model costs, in USD per million tokens; a null price is unknown, not free.
 *
 * @param inputPerMtok an input token not served from the provider's prompt cache
 * @param outputPerMtok an output token, reasoning tokens included
 * @param cachedInputPerMtok an input token read from the prompt cache
 * @param cacheWritePerMtok an input token written to the prompt cache, where the provider charges for it
 */
public record ModelPricing(@Nullable Double inputPerMtok, @Nullable Double outputPerMtok,
		@Nullable Double cachedInputPerMtok, @Nullable Double cacheWritePerMtok) {
}
