package dev.meridian.gateway.provider.anthropic;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates an OpenAI Chat Completions request into an Anthropic Messages API request.
 * Parameters with no Anthropic equivalent ({@code presence_penalty}, {@code seed},
 * {@code logprobs}, {@code response_format}, ...) are left out; {@code n > 1} is refused
 * because Anthropic returns a single choice.
 */
public final class AnthropicRequestTranslator {

	/**
	 * Anthropic requires {@code max_tokens}, OpenAI does not. 4096 is at or below the output limit
	 * of every Claude model still served, so a client that never sets it gets a full answer
	 * rather than an upstream 400.
	 */
	public static final int DEFAULT_MAX_TOKENS = 4096;

	/** OpenAI accepts temperatures up to 2, Anthropic up to 1; higher values are clamped to 1. */
	static final double MAX_TEMPERATURE = 1.0;

	public ObjectNode toMessagesRequest(ObjectNode openAiChatRequest, String upstreamModel) {
		JsonNode n = openAiChatRequest.path("n");
		if (n.isNumber() && n.asInt() != 1) {
			throw GatewayException.invalidRequest("n must be 1: Anthropic models return a single choice");
		}
		AnthropicConversation conversation = AnthropicConversation.from(openAiChatRequest.path("messages"));

		ObjectNode request = JsonNodeFactory.instance.objectNode();
		request.put("model", upstreamModel);
		JsonNode system = conversation.system();
		if (system != null) {
			request.set("system", system);
		}
		request.set("messages", conversation.messages());
		request.put("max_tokens", maxTokens(openAiChatRequest));

		JsonNode stop = openAiChatRequest.path("stop");
		if (stop.isString()) {
			request.putArray("stop_sequences").add(stop.stringValue());
		}
		else if (stop.isArray() && !stop.isEmpty()) {
			request.set("stop_sequences", stop);
		}
		JsonNode temperature = openAiChatRequest.path("temperature");
		if (temperature.isNumber()) {
			request.put("temperature", Math.min(temperature.asDouble(), MAX_TEMPERATURE));
		}
		JsonNode topP = openAiChatRequest.path("top_p");
		if (topP.isNumber()) {
			request.set("top_p", topP);
		}
		if (openAiChatRequest.path("stream").asBoolean(false)) {
			request.put("stream", true);
		}

		JsonNode tools = openAiChatRequest.path("tools");
		if (tools.isArray() && !tools.isEmpty()) {
			ArrayNode anthropicTools = AnthropicTools.tools(tools);
			request.set("tools", anthropicTools);
			ObjectNode toolChoice = AnthropicTools.toolChoice(openAiChatRequest.path("tool_choice"),
					openAiChatRequest.path("parallel_tool_calls"));
			if (toolChoice != null) {
				request.set("tool_choice", toolChoice);
			}
		}

		JsonNode user = openAiChatRequest.path("user");
		if (user.isString() && !user.stringValue().isEmpty()) {
			request.putObject("metadata").put("user_id", user.stringValue());
		}
		return request;
	}

	/** {@code max_completion_tokens} supersedes the deprecated {@code max_tokens} in OpenAI's API. */
	private static int maxTokens(JsonNode request) {
		JsonNode maxCompletionTokens = request.path("max_completion_tokens");
		if (maxCompletionTokens.isNumber()) {
			return maxCompletionTokens.asInt();
		}
		JsonNode maxTokens = request.path("max_tokens");
		return maxTokens.isNumber() ? maxTokens.asInt() : DEFAULT_MAX_TOKENS;
	}

}
