package dev.meridian.gateway.dialect.anthropic;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates an Anthropic Messages API request into an OpenAI Chat Completions request, after
 * checking what Anthropic itself would reject. {@code top_k}, {@code thinking},
 * {@code service_tier} and cache markers have no OpenAI equivalent and are dropped.
 */
public final class MessagesRequestTranslator {

	public ObjectNode toChatRequest(ObjectNode messagesRequest) {
		JsonNode model = messagesRequest.path("model");
		if (!model.isString() || model.stringValue().isBlank()) {
			throw GatewayException.invalidRequest("model: Field required");
		}
		JsonNode maxTokens = messagesRequest.path("max_tokens");
		if (!maxTokens.isIntegralNumber()) {
			throw GatewayException.invalidRequest("max_tokens: Field required");
		}
		if (maxTokens.asLong() < 1) {
			throw GatewayException.invalidRequest("max_tokens: Input should be greater than or equal to 1");
		}
		JsonNode messages = messagesRequest.path("messages");
		if (!messages.isArray() || messages.isEmpty()) {
			throw GatewayException.invalidRequest("messages: at least one message is required");
		}

		ObjectNode chat = JsonNodeFactory.instance.objectNode();
		chat.set("model", model);
		chat.set("messages", ChatConversation.messages(messagesRequest.path("system"), messages));
		chat.set("max_tokens", maxTokens);
		JsonNode temperature = messagesRequest.path("temperature");
		if (temperature.isNumber()) {
			chat.set("temperature", temperature);
		}
		JsonNode topP = messagesRequest.path("top_p");
		if (topP.isNumber()) {
			chat.set("top_p", topP);
		}
		JsonNode stopSequences = messagesRequest.path("stop_sequences");
		if (stopSequences.isArray() && !stopSequences.isEmpty()) {
			chat.set("stop", stopSequences);
		}
		if (messagesRequest.path("stream").asBoolean(false)) {
			chat.put("stream", true);
			// message_delta must report usage, and OpenAI streams it only when asked.
			chat.putObject("stream_options").put("include_usage", true);
		}
		JsonNode tools = messagesRequest.path("tools");
		if (tools.isArray() && !tools.isEmpty()) {
			chat.set("tools", ChatTools.tools(tools));
			ChatTools.applyToolChoice(messagesRequest.path("tool_choice"), chat);
		}
		JsonNode userId = messagesRequest.path("metadata").path("user_id");
		if (userId.isString() && !userId.stringValue().isEmpty()) {
			chat.put("user", userId.stringValue());
		}
		return chat;
	}

}
