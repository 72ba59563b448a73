package dev.meridian.gateway.routing.smart;

import org.jspecify.annotations.Nullable;

/**
 * Where a smart-routed request goes, and why.
 *
 * @param model the model group of the tier
 * @param classification the classifier's verdict; null when the tier was given, not classified
 */
public record RouteDecision(Tier tier, String model, Reason reason, @Nullable Classification classification) {

	/** What decided the tier. */
	public enum Reason {

		/** The classifier's score. */
		CLASSIFIED,

		/** The request's {@code x-meridian-tier} header. */
		REQUESTED,

		/** The key's default tier. */
		KEY_DEFAULT,

		/** The key's minimum tier, above what the other sources said. */
		KEY_MINIMUM

	}

}
