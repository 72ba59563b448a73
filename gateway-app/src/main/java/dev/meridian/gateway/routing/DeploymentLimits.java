package dev.meridian.gateway.routing;

import org.jspecify.annotations.Nullable;

/**
 * What one deployment takes; null where neither the configuration nor the catalog says.
 *
 * @param rpm requests per minute, from the models entry
 * @param tpm tokens per minute, from the models entry
 * @param contextWindow the most prompt tokens one request may carry: the models entry's
 * {@code context_window}, else the catalog's
 */
public record DeploymentLimits(@Nullable Integer rpm, @Nullable Integer tpm, @Nullable Integer contextWindow) {

	public static final DeploymentLimits NONE = new DeploymentLimits(null, null, null);

}
