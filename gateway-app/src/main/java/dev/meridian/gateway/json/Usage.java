package dev.meridian.gateway.json;

/**
 * Token usage of one request as the provider reported it.
 *
 * @param promptTokens all input tokens, cached ones included
 * @param cachedTokens the part of the input served from the provider's prompt cache
 */
public record Usage(long promptTokens, long completionTokens, long cachedTokens) {

	public static final Usage NONE = new Usage(0, 0, 0);

	public long totalTokens() {
		return promptTokens + completionTokens;
	}

}
