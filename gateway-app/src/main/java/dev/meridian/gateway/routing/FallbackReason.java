package dev.meridian.gateway.routing;

import java.util.Locale;

/**
 * Why a request moves on to the next model of a fallback chain; the {@code reason} tag of
 * {@code meridian_fallbacks_total}. Each reason has its own chain, which defaults to
 * {@code routing.fallbacks}.
 */
public enum FallbackReason {

	/** Every attempt on the model failed with a rate limit, a server error, a timeout or a connection problem. */
	ERROR,

	/** The prompt is longer than the model's context window, by estimate or as the provider said. */
	CONTEXT_WINDOW,

	/** The provider refused the prompt or the answer under its content policy. */
	CONTENT_POLICY;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
