package dev.meridian.gateway.json;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway reads from a provider's JSON (a whole response or one stream chunk).
 *
 * @param modelStart offset of the opening quote of the top-level {@code model} value, -1 if absent
 * @param modelEnd offset just past its closing quote
 * @param usage the usage object, null when absent or null
 * @param usageOnly a stream's final chunk that carries usage and no choices
 */
public record ScannedResponse(@Nullable String model, int modelStart, int modelEnd, @Nullable Usage usage,
		boolean usageOnly) {
}
