package dev.meridian.gateway.provider.bedrock;

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

		ObjectNode completion = JsonNodeFactory.instance.objectNode();
		completion.put("id", id);
		completion.put("object", "chat.completion");
		completion.put("created", created);
		completion.put("model", clientModel);
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", hasText ? text.toString() : null);
		message.putNull("refusal");
		if (!toolCalls.isEmpty()) {
			message.set("tool_calls", toolCalls);
		}
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason(converseResponse.path("stopReason").asString("")));
		completion.set("usage", BedrockUsage.from(converseResponse.path("usage")).toOpenAiUsage());
		return completion;
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

	/** OpenAI carries the arguments as a JSON string, Bedrock as an object. */
	private static ObjectNode toolCall(JsonNode toolUse) {
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("id", toolUse.path("toolUseId").asString(""));
		call.put("type", "function");
		ObjectNode function = call.putObject("function");
		function.put("name", toolUse.path("name").asString(""));
		JsonNode input = toolUse.path("input");
		function.put("arguments", input.isMissingNode() ? "{}" : JsonMapper.shared().writeValueAsString(input));
		return call;
	}

}
