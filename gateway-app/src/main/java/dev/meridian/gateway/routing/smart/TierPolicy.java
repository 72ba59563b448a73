package dev.meridian.gateway.routing.smart;

import org.jspecify.annotations.Nullable;

/**
 * What the caller's key says about tiers, applied after the classifier and the request's own
 * choice: a default tier used instead of classifying when the request names none, and a floor no
 * request of the key goes below.
 *
 * @param defaultTier the tier for requests that do not ask for one; null to classify them
 * @param minimum the lowest tier the key may be served from; null for no floor
 */
public record TierPolicy(@Nullable Tier defaultTier, @Nullable Tier minimum) {

	public static final TierPolicy NONE = new TierPolicy(null, null);

}
