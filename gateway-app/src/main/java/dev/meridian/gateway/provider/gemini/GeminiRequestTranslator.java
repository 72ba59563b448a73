package dev.meridian.gateway.provider.gemini;

import dev.meridian.gateway.error.GatewayException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an OpenAI chat completion request into a Gemini {@code generateContent} request body.
 * The model id is not part of the body: Gemini takes it in the path (see {@link #generatePath}).
 */
public final class GeminiRequestTranslator {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	public static String generatePath(String model, boolean stream) {
		String resource = "/v1beta/" + GeminiModelName.resource(model);
		return stream ? resource + ":streamGenerateContent?alt=sse" : resource + ":generateContent";
	}

	public ObjectNode toGenerateContentRequest(ObjectNode openAiChatRequest) {
		ObjectNode request = JSON.objectNode();
		GeminiContents.addTo(request, openAiChatRequest.path("messages"));
		JsonNode tools = openAiChatRequest.path("tools");
		if (tools.isArray() && !tools.isEmpty()) {
			request.putArray("tools").addObject().set("functionDeclarations", functionDeclarations(tools));
		}
		JsonNode toolChoice = openAiChatRequest.path("tool_choice");
		if (!toolChoice.isMissingNode() && !toolChoice.isNull()) {
			request.putObject("toolConfig").set("functionCallingConfig", functionCallingConfig(toolChoice));
		}
		ObjectNode generationConfig = generationConfig(openAiChatRequest);
		if (!generationConfig.isEmpty()) {
			request.set("generationConfig", generationConfig);
		}
		return request;
	}

	private static ArrayNode functionDeclarations(JsonNode tools) {
		ArrayNode declarations = JSON.arrayNode();
		for (JsonNode tool : tools.values()) {
			String type = tool.path("type").asString("");
			if (!type.equals("function")) {
				throw GatewayException.unsupportedValue("Tool type '" + type + "' is not supported by Gemini models");
			}
			JsonNode function = tool.path("function");
			String name = function.path("name").asString("");
			if (name.isEmpty()) {
				throw GatewayException.invalidValue("Every function tool needs a name");
			}
			ObjectNode declaration = declarations.addObject().put("name", name);
			if (function.path("description").isString()) {
				declaration.set("description", function.get("description"));
			}
			// Gemini refuses an OBJECT schema without properties, which is how OpenAI spells "no parameters".
			ObjectNode parameters = GeminiSchema.toGemini(function.path("parameters"));
			if (parameters.has("properties")) {
				declaration.set("parameters", parameters);
			}
		}
		return declarations;
	}

	private static ObjectNode functionCallingConfig(JsonNode toolChoice) {
		ObjectNode config = JSON.objectNode();
		if (toolChoice.isString()) {
			String mode = switch (toolChoice.asString()) {
				case "auto" -> "AUTO";
				case "none" -> "NONE";
				case "required" -> "ANY";
				default -> throw GatewayException.invalidValue("Unknown tool_choice '" + toolChoice.asString() + "'");
			};
			return config.put("mode", mode);
		}
		String name = toolChoice.path("function").path("name").asString("");
		if (!toolChoice.path("type").asString("").equals("function") || name.isEmpty()) {
			throw GatewayException.unsupportedValue("tool_choice must be auto, none, required or a named function");
		}
		config.put("mode", "ANY").putArray("allowedFunctionNames").add(name);
		return config;
	}

	private static ObjectNode generationConfig(JsonNode chat) {
		ObjectNode config = JSON.objectNode();
		copyNumber(chat, "temperature", config, "temperature");
		copyNumber(chat, "top_p", config, "topP");
		copyNumber(chat, chat.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens",
				config, "maxOutputTokens");
		copyNumber(chat, "n", config, "candidateCount");
		copyNumber(chat, "seed", config, "seed");
		copyNumber(chat, "presence_penalty", config, "presencePenalty");
		copyNumber(chat, "frequency_penalty", config, "frequencyPenalty");
		JsonNode stop = chat.path("stop");
		if (stop.isString()) {
			config.putArray("stopSequences").add(stop);
		} else if (stop.isArray() && !stop.isEmpty()) {
			config.set("stopSequences", stop);
		}
		responseFormat(chat.path("response_format"), config);
		return config;
	}

	private static void copyNumber(JsonNode from, String field, ObjectNode to, String geminiField) {
		JsonNode value = from.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return;
		}
		if (!value.isNumber()) {
			throw GatewayException.invalidValue(field + " must be a number");
		}
		to.set(geminiField, value);
	}

	/**
	 * JSON mode and structured outputs. OpenAI's schema is plain JSON Schema, which Gemini takes
	 * unchanged as {@code responseJsonSchema}; {@code responseSchema} would need the OpenAPI subset
	 * and loses {@code $ref}, {@code additionalProperties} and unions.
	 */
	private static void responseFormat(JsonNode format, ObjectNode config) {
		String type = format.path("type").asString("text");
		switch (type) {
			case "text" -> {
			}
			case "json_object" -> config.put("responseMimeType", "application/json");
			case "json_schema" -> {
				JsonNode schema = format.path("json_schema").path("schema");
				if (!schema.isObject()) {
					throw GatewayException.invalidValue("response_format json_schema needs a schema object");
				}
				config.put("responseMimeType", "application/json").set("responseJsonSchema", schema);
			}
			default -> throw GatewayException.unsupportedValue("response_format type '" + type + "' is not supported");
		}
	}
}
