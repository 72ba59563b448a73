package dev.meridian.gateway.dialect.responses;

import java.util.function.Predicate;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a Responses API request into a Chat Completions request for a non-OpenAI model.
 * Whatever needs OpenAI's own servers (stored conversations, background runs, stored prompts,
 * built-in tools, uploaded files) is refused with a 400 that says so. {@code store},
 * {@code include}, {@code truncation}, {@code text.verbosity} and {@code metadata} have no
 * Chat Completions equivalent and stay with the gateway; {@code metadata} is echoed in the response.
 */
public final class ResponsesRequestTranslator {

	public ObjectNode toChatRequest(ObjectNode responsesRequest) {
		refuseStoredState(responsesRequest);
		ObjectNode chat = JsonNodeFactory.instance.objectNode();
		JsonNode model = responsesRequest.path("model");
		if (model.isString()) {
			chat.set("model", model);
		}
		chat.set("messages", ChatMessages.of(responsesRequest.path("instructions"), responsesRequest.path("input")));
		JsonNode tools = responsesRequest.path("tools");
		if (tools.isArray() && !tools.isEmpty()) {
			chat.set("tools", FunctionTools.chatTools(tools));
			FunctionTools.applyToolChoice(responsesRequest.path("tool_choice"), chat);
			// OpenAI refuses parallel_tool_calls on a request without tools, and so do others.
			copyIf(responsesRequest.path("parallel_tool_calls"), JsonNode::isBoolean, chat, "parallel_tool_calls");
		}
		copyIf(responsesRequest.path("max_output_tokens"), JsonNode::isIntegralNumber, chat, "max_tokens");
		copyIf(responsesRequest.path("temperature"), JsonNode::isNumber, chat, "temperature");
		copyIf(responsesRequest.path("top_p"), JsonNode::isNumber, chat, "top_p");
		copyIf(responsesRequest.path("reasoning").path("effort"), JsonNode::isString, chat, "reasoning_effort");
		applyTextFormat(responsesRequest.path("text").path("format"), chat);
		// safety_identifier is the newer name OpenAI gives the end-user id.
		JsonNode user = responsesRequest.path("user");
		copyIf(user.isString() ? user : responsesRequest.path("safety_identifier"), JsonNode::isString, chat, "user");
		if (responsesRequest.path("stream").asBoolean(false)) {
			chat.put("stream", true);
			// response.completed must carry usage, and chat upstreams stream it only when asked.
			chat.putObject("stream_options").put("include_usage", true);
		}
		return chat;
	}

	/** Each of these needs state kept on OpenAI's servers, which other providers do not have. */
	private static void refuseStoredState(ObjectNode request) {
		if (isSet(request.path("previous_response_id"))) {
			throw GatewayException.unsupportedParameter(
					"previous_response_id is not supported for non-OpenAI models: Meridian keeps no conversation "
							+ "state for them. Send the whole conversation, earlier output items included, in 'input'.",
					"previous_response_id");
		}
		if (isSet(request.path("conversation"))) {
			throw GatewayException.unsupportedParameter(
					"conversation is not supported for non-OpenAI models: Meridian keeps no conversation state for "
							+ "them. Send the whole conversation in 'input'.",
					"conversation");
		}
		if (request.path("background").asBoolean(false)) {
			throw GatewayException.unsupportedParameter(
					"background is not supported for non-OpenAI models: Meridian keeps no responses to poll later. "
							+ "Use stream instead.",
					"background");
		}
		if (isSet(request.path("prompt"))) {
			throw GatewayException.unsupportedParameter(
					"prompt is not supported for non-OpenAI models: stored prompts live with OpenAI. "
							+ "Send the prompt in 'instructions' and 'input'.",
					"prompt");
		}
	}

	private static void applyTextFormat(JsonNode format, ObjectNode chat) {
		if (!isSet(format)) {
			return;
		}
		switch (format.path("type").asString("")) {
			case "text" -> {
			}
			case "json_object" -> chat.putObject("response_format").put("type", "json_object");
			case "json_schema" -> {
				if (!format.path("name").isString()) {
					throw GatewayException.missingParameter("text.format.name");
				}
				if (!format.path("schema").isObject()) {
					throw GatewayException.missingParameter("text.format.schema");
				}
				ObjectNode responseFormat = chat.putObject("response_format");
				responseFormat.put("type", "json_schema");
				ObjectNode jsonSchema = responseFormat.putObject("json_schema");
				jsonSchema.set("name", format.path("name"));
				copyIf(format.path("description"), JsonNode::isString, jsonSchema, "description");
				jsonSchema.set("schema", format.path("schema"));
				copyIf(format.path("strict"), JsonNode::isBoolean, jsonSchema, "strict");
			}
			default -> throw GatewayException.invalidValue(
					"Invalid value: '" + format.path("type").asString("") + "'. Supported values are: 'text', "
							+ "'json_object' and 'json_schema'.",
					"text.format.type");
		}
	}

	static boolean isSet(JsonNode value) {
		return !value.isMissingNode() && !value.isNull();
	}

	private static void copyIf(JsonNode value, Predicate<JsonNode> wanted, ObjectNode target,
			String field) {
		if (wanted.test(value)) {
			target.set(field, value);
		}
	}

}
