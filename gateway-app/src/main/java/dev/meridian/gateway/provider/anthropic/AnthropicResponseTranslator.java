package dev.meridian.gateway.provider.anthropic;

import org.jspecify.annotations.Nullable;
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
				case "tool_use" -> {
					ObjectNode call = toolCalls.addObject();
					call.put("id", block.path("id").asString(""));
					call.put("type", "function");
					ObjectNode function = call.putObject("function");
					function.put("name", block.path("name").asString(""));
					function.put("arguments", JsonMapper.shared().writeValueAsString(block.path("input")));
				}
				default -> {
					// thinking, redacted_thinking and server-tool blocks are not part of the answer's text.
				}
			}
		}

		ObjectNode completion = JsonNodeFactory.instance.objectNode();
		completion.put("id", messagesResponse.path("id").asString(""));
		completion.put("object", "chat.completion");
		completion.put("created", createdEpochSeconds);
		completion.put("model", clientModel);
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		// OpenAI sends null content alongside tool calls when the model said nothing else.
		if (text.isEmpty() && !toolCalls.isEmpty()) {
			message.putNull("content");
		}
		else {
			message.put("content", text.toString());
		}
		message.putNull("refusal");
		if (!toolCalls.isEmpty()) {
			message.set("tool_calls", toolCalls);
		}
		choice.putNull("logprobs");
		JsonNode stopReason = messagesResponse.path("stop_reason");
		choice.put("finish_reason", finishReason(stopReason.isString() ? stopReason.stringValue() : null));
		completion.set("usage", AnthropicUsage.from(messagesResponse.path("usage")).toOpenAiUsage());
		return completion;
	}

	/**
	 * Anthropic {@code stop_reason} to OpenAI {@code finish_reason}. {@code pause_turn} (a
	 * server-tool loop paused) has no OpenAI counterpart and ends the turn like a normal stop.
	 */
	static @Nullable String finishReason(@Nullable String stopReason) {
		if (stopReason == null) {
			return null;
		}
		return switch (stopReason) {
			case "max_tokens", "model_context_window_exceeded" -> "length";
			case "tool_use" -> "tool_calls";
			case "refusal" -> "content_filter";
			default -> "stop";
		};
	}

}
