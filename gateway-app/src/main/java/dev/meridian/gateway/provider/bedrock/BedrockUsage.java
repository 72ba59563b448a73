package dev.meridian.gateway.provider.bedrock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token usage as Bedrock reports it ({@code TokenUsage}). Bedrock's {@code inputTokens} leaves out
 * the input read from or written to the prompt cache, so the prompt is the sum of the three input
 * counts; cache reads and writes are priced differently from plain input, which is why all four
 * counts are kept.
 */
public record BedrockUsage(long inputTokens, long outputTokens, long cacheReadInputTokens,
		long cacheWriteInputTokens) {

	public static final BedrockUsage NONE = new BedrockUsage(0, 0, 0, 0);

	/** Reads a Bedrock {@code usage} object; absent fields count as zero. */
	public static BedrockUsage from(JsonNode usage) {
		return new BedrockUsage(usage.path("inputTokens").asLong(0), usage.path("outputTokens").asLong(0),
				usage.path("cacheReadInputTokens").asLong(0), usage.path("cacheWriteInputTokens").asLong(0));
	}

	/** Every input token, whether read fresh, read from the cache or written to it. */
	public long promptTokens() {
		return this.inputTokens + this.cacheReadInputTokens + this.cacheWriteInputTokens;
	}

	public long totalTokens() {
		return promptTokens() + this.outputTokens;
	}

	/**
	 * Renders the OpenAI {@code usage} object. The cache writes go in
	 * {@code prompt_tokens_details.cache_write_tokens}, the name Meridian's Responses dialect reads.
	 */
	public ObjectNode toOpenAiUsage() {
		ObjectNode usage = JsonNodeFactory.instance.objectNode();
		usage.put("prompt_tokens", promptTokens());
		usage.put("completion_tokens", this.outputTokens);
		usage.put("total_tokens", totalTokens());
		usage.putObject("prompt_tokens_details")
			.put("cached_tokens", this.cacheReadInputTokens)
			.put("cache_write_tokens", this.cacheWriteInputTokens);
		return usage;
	}

}
