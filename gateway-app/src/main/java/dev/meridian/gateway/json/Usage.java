package dev.meridian.gateway.json;

/**
 * Token usage of one request as the provider reported it.
 *
 * @param promptTokens all input tokens, cached ones included
 * @param cachedTokens the part of the input served from the provider's prompt cache
 */
public record Usage(long promptTokens, long completionTokens, long cachedTokens) {

	public static final Usage NONE = new Usage(0, 0, 0);

	/**
	 * Combines usage reported in parts over a stream (Anthropic reports input tokens at the start
	 * and cumulative output tokens at the end), keeping the largest count of each kind.
	 */
	public Usage merge(Usage later) {
		return new Usage(Math.max(promptTokens, later.promptTokens), Math.max(completionTokens, later.completionTokens),
				Math.max(cachedTokens, later.cachedTokens));
	}

	public long totalTokens() {
		return promptTokens + completionTokens;
	}

}
