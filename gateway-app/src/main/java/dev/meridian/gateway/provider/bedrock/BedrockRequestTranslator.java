package dev.meridian.gateway.provider.bedrock;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates an OpenAI Chat Completions request into the body of a Bedrock Converse or
 * ConverseStream request; the model id and the choice between the two travel in the path
 * ({@link #conversePath}). Parameters with no Converse equivalent ({@code presence_penalty},
 * {@code seed}, {@code logprobs}, {@code response_format}, {@code parallel_tool_calls}, ...) are left
 * out; {@code n > 1} is refused because Converse returns a single answer.
 */
public final class BedrockRequestTranslator {

	/** OpenAI accepts temperatures up to 2, Converse up to 1; higher values are clamped to 1. */
	static final double MAX_TEMPERATURE = 1.0;

	public ObjectNode toConverseRequest(ObjectNode openAiChatRequest) {
		JsonNode n = openAiChatRequest.path("n");
		if (n.isNumber() && n.asInt() != 1) {
			throw GatewayException.unsupportedValue("n must be 1: Bedrock returns a single choice");
		}
		BedrockConversation conversation = BedrockConversation.from(openAiChatRequest.path("messages"));

		ObjectNode request = JsonNodeFactory.instance.objectNode();
		request.set("messages", conversation.messages());
		if (!conversation.system().isEmpty()) {
			request.set("system", conversation.system());
		}
		ObjectNode inferenceConfig = inferenceConfig(openAiChatRequest);
		if (!inferenceConfig.isEmpty()) {
			request.set("inferenceConfig", inferenceConfig);
		}
		ObjectNode toolConfig = BedrockTools.toolConfig(openAiChatRequest.path("tools"),
				openAiChatRequest.path("tool_choice"), conversation.usesTools());
		if (toolConfig != null) {
			request.set("toolConfig", toolConfig);
		}
		return request;
	}

	/** {@code /model/{modelId}/converse}, or {@code /converse-stream} for a streamed answer. */
	public static String conversePath(String modelId, boolean stream) {
		return BedrockPaths.model(modelId, stream ? "converse-stream" : "converse");
	}

	private static ObjectNode inferenceConfig(JsonNode request) {
		ObjectNode config = JsonNodeFactory.instance.objectNode();
		// max_completion_tokens supersedes the deprecated max_tokens in OpenAI's API.
		JsonNode maxTokens = request.path("max_completion_tokens").isNumber() ? request.path("max_completion_tokens")
				: request.path("max_tokens");
		if (maxTokens.isNumber()) {
			config.put("maxTokens", maxTokens.asInt());
		}
		JsonNode temperature = request.path("temperature");
		if (temperature.isNumber()) {
			config.put("temperature", Math.min(temperature.asDouble(), MAX_TEMPERATURE));
		}
		JsonNode topP = request.path("top_p");
		if (topP.isNumber()) {
			config.set("topP", topP);
		}
		ArrayNode stopSequences = stopSequences(request.path("stop"));
		if (!stopSequences.isEmpty()) {
			config.set("stopSequences", stopSequences);
		}
		return config;
	}

	/** OpenAI takes one stop string or a list; Converse a list of non-empty strings. */
	private static ArrayNode stopSequences(JsonNode stop) {
		ArrayNode sequences = JsonNodeFactory.instance.arrayNode();
		if (stop.isString() && !stop.stringValue().isEmpty()) {
			sequences.add(stop.stringValue());
		}
		else if (stop.isArray()) {
			for (JsonNode sequence : stop.values()) {
				if (!sequence.asString("").isEmpty()) {
					sequences.add(sequence.asString(""));
				}
			}
		}
		return sequences;
	}

}
