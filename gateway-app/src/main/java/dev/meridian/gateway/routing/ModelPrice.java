package dev.meridian.gateway.routing;

import dev.meridian.gateway.json.Usage;

/** What a deployment costs, in USD per million tokens. */
public record ModelPrice(double inputPerMtok, double outputPerMtok, double cachedInputPerMtok) {

	private static final double MILLION = 1_000_000d;

	/** Cached prompt tokens are billed at the cached rate, the rest of the prompt at the input rate. */
	public double cost(Usage usage) {
		long uncachedInput = Math.max(0, usage.promptTokens() - usage.cachedTokens());
		return (uncachedInput * inputPerMtok + usage.cachedTokens() * cachedInputPerMtok
				+ usage.completionTokens() * outputPerMtok) / MILLION;
	}

}
