package dev.meridian.gateway.provider.bedrock;

import dev.meridian.gateway.provider.ChatCompletions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a Bedrock Converse response into an OpenAI {@code chat.completion}. Text blocks make
 * the content and {@code toolUse} blocks the tool calls; reasoning and other blocks have no place
 * in the OpenAI answer.
 */
public final class BedrockResponseTranslator {

	public ObjectNode toChatCompletion(ObjectNode converseResponse, String clientModel, String id, long created) {
		StringBuilder text = new StringBuilder();
		boolean hasText = false;
		ArrayNode toolCalls = JsonNodeFactory.instance.arrayNode();
		for (JsonNode block : converseResponse.path("output").path("message").path("content").values()) {
			if (block.path("text").isString()) {
				text.append(block.path("text").stringValue());
				hasText = true;
			}
			else if (block.path("toolUse").isObject()) {
				toolCalls.add(toolCall(block.path("toolUse")));
			}
		}

		return ChatCompletions.withOneChoice(id, clientModel, created, hasText ? text.toString() : null, toolCalls,
				finishReason(converseResponse.path("stopReason").asString("")),
				BedrockUsage.from(converseResponse.path("usage")).toOpenAiUsage());
	}

	/**
	 * Maps Bedrock's {@code stopReason}. A guardrail's intervention and a content filter both mean
	 * the answer was withheld for its content; a context window filled up cuts the answer short like
	 * a token limit. A reason added later reads as a normal stop.
	 */
	static String finishReason(String stopReason) {
		return switch (stopReason) {
			case "max_tokens", "model_context_window_exceeded" -> "length";
			case "tool_use" -> "tool_calls";
			case "guardrail_intervened", "content_filtered" -> "content_filter";
			default -> "stop";
		};
	}

	/** Bedrock carries the arguments as an object. */
	private static ObjectNode toolCall(JsonNode toolUse) {
		JsonNode input = toolUse.path("input");
		return ChatCompletions.toolCall(toolUse.path("toolUseId").asString(""), toolUse.path("name").asString(""),
				input.isMissingNode() ? "{}" : JsonMapper.shared().writeValueAsString(input));
	}

}
