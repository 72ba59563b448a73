package dev.meridian.gateway.provider.gemini;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini's {@code usageMetadata} as OpenAI {@code usage}. Gemini's total is prompt + candidates +
 * thoughts + tool-use prompt; thoughts are billed as output and tool results as input, so they are
 * folded in where OpenAI counts them and the three numbers still add up.
 */
final class GeminiUsage {

	private GeminiUsage() {
	}

	static ObjectNode toOpenAi(JsonNode usageMetadata) {
		int thoughts = usageMetadata.path("thoughtsTokenCount").asInt(0);
		int prompt = usageMetadata.path("promptTokenCount").asInt(0)
				+ usageMetadata.path("toolUsePromptTokenCount").asInt(0);
		int completion = usageMetadata.path("candidatesTokenCount").asInt(0) + thoughts;
		ObjectNode usage = JsonNodeFactory.instance.objectNode()
				.put("prompt_tokens", prompt)
				.put("completion_tokens", completion)
				.put("total_tokens", usageMetadata.path("totalTokenCount").asInt(prompt + completion));
		usage.putObject("prompt_tokens_details")
				.put("cached_tokens", usageMetadata.path("cachedContentTokenCount").asInt(0));
		usage.putObject("completion_tokens_details").put("reasoning_tokens", thoughts);
		return usage;
	}
}
