package dev.meridian.gateway.provider.anthropic;

import dev.meridian.gateway.provider.ChatCompletions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates an Anthropic Messages API response into an OpenAI chat completion. The usage with
 * cache writes kept apart is {@code AnthropicUsage.from(messagesResponse.path("usage"))}.
 */
public final class AnthropicResponseTranslator {

	public ObjectNode toChatCompletion(ObjectNode messagesResponse, String clientModel, long createdEpochSeconds) {
		StringBuilder text = new StringBuilder();
		ArrayNode toolCalls = JsonNodeFactory.instance.arrayNode();
		for (JsonNode block : messagesResponse.path("content")) {
			switch (block.path("type").asString("")) {
				case "text" -> text.append(block.path("text").asString(""));
				case "tool_use" -> toolCalls.add(ChatCompletions.toolCall(block.path("id").asString(""),
						block.path("name").asString(""), JsonMapper.shared().writeValueAsString(block.path("input"))));
				default -> {
					// thinking, redacted_thinking and server-tool blocks are not part of the answer's text.
				}
			}
		}

		// OpenAI sends null content alongside tool calls when the model said nothing else.
		String content = (text.isEmpty() && !toolCalls.isEmpty()) ? null : text.toString();
		JsonNode stopReason = messagesResponse.path("stop_reason");
		return ChatCompletions.withOneChoice(messagesResponse.path("id").asString(""), clientModel, createdEpochSeconds,
				content, toolCalls, stopReason.isString() ? finishReason(stopReason.stringValue()) : null,
				AnthropicUsage.from(messagesResponse.path("usage")).toOpenAiUsage());
	}

	/**
	 * Anthropic {@code stop_reason} to OpenAI {@code finish_reason}. {@code pause_turn} (a
	 * server-tool loop paused) has no OpenAI counterpart and ends the turn like a normal stop.
	 */
	static String finishReason(String stopReason) {
		return switch (stopReason) {
			case "max_tokens", "model_context_window_exceeded" -> "length";
			case "tool_use" -> "tool_calls";
			case "refusal" -> "content_filter";
			default -> "stop";
		};
	}

}
