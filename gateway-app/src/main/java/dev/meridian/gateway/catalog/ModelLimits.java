package dev.meridian.gateway.catalog;

import org.jspecify.annotations.Nullable;

/**
 * How many tokens a model takes; null where the provider does not document it.
 *
 * @param contextWindow the most input tokens one request may carry
 * @param maxOutput the most tokens one response may carry
 */
public record ModelLimits(@Nullable Integer contextWindow, @Nullable Integer maxOutput) {
}
