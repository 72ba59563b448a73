package dev.meridian.gateway.provider.gemini;

import java.util.List;

import dev.meridian.gateway.error.GatewayException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns a Gemini {@code generateContent} response into an OpenAI {@code chat.completion}. */
public final class GeminiResponseTranslator {

	public ObjectNode toChatCompletion(ObjectNode generateContentResponse, String clientModel, String id,
			long createdEpochSeconds) {
		rejectBlockedPrompt(generateContentResponse);
		JsonNode candidates = generateContentResponse.path("candidates");
		if (candidates.isEmpty()) {
			throw GatewayException.of(502, "api_error", "upstream_error", "Gemini returned no candidates");
		}
		ObjectNode completion = JsonNodeFactory.instance.objectNode()
				.put("id", id)
				.put("object", "chat.completion")
				.put("created", createdEpochSeconds)
				.put("model", clientModel);
		ArrayNode choices = completion.putArray("choices");
		int position = 0;
		for (JsonNode candidate : candidates.values()) {
			choices.add(choice(candidate, position++));
		}
		JsonNode usageMetadata = generateContentResponse.path("usageMetadata");
		if (usageMetadata.isObject()) {
			completion.set("usage", GeminiUsage.toOpenAi(usageMetadata));
		}
		return completion;
	}

	/**
	 * Gemini answers a prompt its filters refuse with {@code promptFeedback.blockReason} and no
	 * candidates; OpenAI-style providers refuse such a prompt with a 400.
	 */
	static void rejectBlockedPrompt(JsonNode response) {
		String blockReason = response.path("promptFeedback").path("blockReason").asString("");
		if (!blockReason.isEmpty() && response.path("candidates").isEmpty()) {
			throw GatewayException.of(400, "invalid_request_error", "content_filter",
					"The prompt was blocked by Gemini's content filter (block reason " + blockReason + ")");
		}
	}

	private static ObjectNode choice(JsonNode candidate, int position) {
		JsonNode parts = candidate.path("content").path("parts");
		List<ObjectNode> toolCalls = GeminiParts.toolCalls(parts);
		ObjectNode choice = JsonNodeFactory.instance.objectNode().put("index", candidate.path("index").asInt(position));
		ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", GeminiParts.text(parts));
		if (!toolCalls.isEmpty()) {
			message.putArray("tool_calls").addAll(toolCalls);
		}
		choice.put("finish_reason",
				GeminiFinishReason.toOpenAi(candidate.path("finishReason").asString(""), !toolCalls.isEmpty()));
		return choice;
	}
}
