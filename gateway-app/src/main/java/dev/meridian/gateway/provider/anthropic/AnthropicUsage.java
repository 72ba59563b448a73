package dev.meridian.gateway.provider.anthropic;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token usage as Anthropic reports it. Anthropic's {@code input_tokens} excludes cached input, so
 * the prompt is the sum of the three input counts; cache writes are priced differently from
 * plain input and cache reads, which is why all four counts are kept.
 */
public record AnthropicUsage(long inputTokens, long outputTokens, long cacheReadInputTokens,
		long cacheCreationInputTokens) {

	public static final AnthropicUsage NONE = new AnthropicUsage(0, 0, 0, 0);

	/** Reads an Anthropic {@code usage} object; absent fields count as zero. */
	public static AnthropicUsage from(JsonNode usage) {
		return NONE.updatedWith(usage);
	}

	/**
	 * Applies a later usage report: Anthropic's counts are cumulative, so each field present
	 * replaces the earlier value and absent fields keep it ({@code message_delta} often carries
	 * only {@code output_tokens}).
	 */
	public AnthropicUsage updatedWith(JsonNode usage) {
		return new AnthropicUsage(count(usage, "input_tokens", this.inputTokens),
				count(usage, "output_tokens", this.outputTokens),
				count(usage, "cache_read_input_tokens", this.cacheReadInputTokens),
				count(usage, "cache_creation_input_tokens", this.cacheCreationInputTokens));
	}

	/** Every input token, whether read fresh, read from the cache or written to it. */
	public long promptTokens() {
		return this.inputTokens + this.cacheReadInputTokens + this.cacheCreationInputTokens;
	}

	public long totalTokens() {
		return promptTokens() + this.outputTokens;
	}

	/** Renders the OpenAI {@code usage} object. */
	public ObjectNode toOpenAiUsage() {
		ObjectNode usage = JsonNodeFactory.instance.objectNode();
		usage.put("prompt_tokens", promptTokens());
		usage.put("completion_tokens", this.outputTokens);
		usage.put("total_tokens", totalTokens());
		usage.putObject("prompt_tokens_details").put("cached_tokens", this.cacheReadInputTokens);
		return usage;
	}

	private static long count(JsonNode usage, String field, long previous) {
		JsonNode value = usage.path(field);
		return value.isNumber() ? value.asLong() : previous;
	}

}
