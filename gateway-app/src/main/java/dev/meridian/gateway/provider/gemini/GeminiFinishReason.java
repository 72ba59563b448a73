package dev.meridian.gateway.provider.gemini;

/** Gemini's {@code finishReason} in OpenAI's five-value vocabulary. */
final class GeminiFinishReason {

	private GeminiFinishReason() {
	}

	/**
	 * Gemini reports STOP after function calls, where OpenAI clients wait for {@code tool_calls}.
	 * Reasons OpenAI has no word for (OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, ...) end as {@code stop}.
	 */
	static String toOpenAi(String finishReason, boolean calledTools) {
		return switch (finishReason) {
			case "MAX_TOKENS" -> "length";
			case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
					"IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> "content_filter";
			default -> calledTools ? "tool_calls" : "stop";
		};
	}
}
