package dev.meridian.gateway.dialect.responses;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Responses {@code instructions} and {@code input} as chat messages. Responses lists a turn's
 * function calls as separate items after the assistant's text; chat wants them as the
 * {@code tool_calls} of one assistant message, followed by one {@code role:tool} message per output.
 */
final class ChatMessages {

	private ChatMessages() {
	}

	static ArrayNode of(JsonNode instructions, JsonNode input) {
		ArrayNode messages = JsonNodeFactory.instance.arrayNode();
		if (instructions.isString()) {
			// Some providers refuse an empty system prompt; an empty instruction says nothing anyway.
			if (!instructions.stringValue().isEmpty()) {
				addMessage(messages, "system", instructions);
			}
		}
		else if (ResponsesRequestTranslator.isSet(instructions)) {
			throw ResponsesApiException.invalidValue("instructions", "instructions must be a string.");
		}
		if (input.isString()) {
			addMessage(messages, "user", input);
			return messages;
		}
		if (!ResponsesRequestTranslator.isSet(input)) {
			throw ResponsesApiException.missingParameter("input");
		}
		if (!input.isArray()) {
			throw ResponsesApiException.invalidValue("input", "input must be a string or an array of input items.");
		}
		if (input.isEmpty()) {
			throw ResponsesApiException.invalidValue("input", "input must hold at least one item.");
		}
		for (int i = 0; i < input.size(); i++) {
			addItem(messages, input.get(i), "input[" + i + "]");
		}
		return messages;
	}

	private static void addItem(ArrayNode messages, JsonNode item, String where) {
		// A message given as {role, content} may leave out its type.
		String type = item.path("type").asString(item.has("role") ? "message" : "");
		switch (type) {
			case "message" -> addInputMessage(messages, item, where);
			case "function_call" -> addFunctionCall(messages, item, where);
			case "function_call_output" -> {
				ObjectNode tool = messages.addObject();
				tool.put("role", "tool");
				tool.put("tool_call_id", requiredString(item, "call_id", where));
				tool.set("content", content(item.path("output"), where + ".output", false));
			}
			// An OpenAI model's reasoning, summarised or encrypted, means nothing to another model.
			case "reasoning" -> {
			}
			case "item_reference" -> throw ResponsesApiException.unsupportedValue(where,
					"Item references are not supported for non-OpenAI models: Meridian keeps no conversation "
							+ "state for them. Send the referenced items themselves.");
			default -> throw ResponsesApiException.unsupportedValue(where + ".type",
					"Input items of type '" + type + "' are not supported for non-OpenAI models.");
		}
	}

	private static void addInputMessage(ArrayNode messages, JsonNode item, String where) {
		JsonNode content = item.path("content");
		switch (item.path("role").asString("")) {
			case "user" -> addMessage(messages, "user", content(content, where + ".content", true));
			// Many OpenAI-compatible servers do not know the developer role; system means the same.
			case "system", "developer" -> addMessage(messages, "system", content(content, where + ".content", false));
			case "assistant" -> addMessage(messages, "assistant", content(content, where + ".content", false));
			default -> throw ResponsesApiException.invalidValue(where + ".role",
					"Invalid value: '" + item.path("role").asString("") + "'. Supported values are: 'user', "
							+ "'assistant', 'system' and 'developer'.");
		}
	}

	private static void addMessage(ArrayNode messages, String role, JsonNode content) {
		ObjectNode message = messages.addObject();
		message.put("role", role);
		message.set("content", content);
	}

	/** Joins the call to the assistant message just before it, so parallel calls stay one turn. */
	private static void addFunctionCall(ArrayNode messages, JsonNode item, String where) {
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("id", requiredString(item, "call_id", where));
		call.put("type", "function");
		ObjectNode function = call.putObject("function");
		function.put("name", requiredString(item, "name", where));
		function.put("arguments", item.path("arguments").asString("{}"));

		if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof ObjectNode last
				&& "assistant".equals(last.path("role").asString(""))) {
			last.withArrayProperty("tool_calls").add(call);
			return;
		}
		ObjectNode assistant = messages.addObject();
		assistant.put("role", "assistant");
		assistant.putNull("content");
		assistant.putArray("tool_calls").add(call);
	}

	/**
	 * A string, or content parts as chat parts. A lone text part becomes a plain string, which
	 * every OpenAI-compatible server accepts. Chat carries images in user messages only.
	 */
	private static JsonNode content(JsonNode content, String where, boolean imagesAllowed) {
		if (content.isString()) {
			return content;
		}
		if (!content.isArray()) {
			throw ResponsesApiException.invalidValue(where, where + " must be a string or an array of content parts.");
		}
		ArrayNode parts = JsonNodeFactory.instance.arrayNode();
		for (int j = 0; j < content.size(); j++) {
			JsonNode part = content.get(j);
			String partWhere = where + "[" + j + "]";
			String type = part.path("type").asString("");
			switch (type) {
				case "input_text", "output_text" -> parts.addObject().put("type", "text")
					.put("text", requiredString(part, "text", partWhere));
				// A refusal in an earlier assistant turn is what the model said.
				case "refusal" -> parts.addObject().put("type", "text")
					.put("text", requiredString(part, "refusal", partWhere));
				case "input_image" -> {
					if (!imagesAllowed) {
						throw ResponsesApiException.unsupportedValue(partWhere,
								"Images can be sent to non-OpenAI models in user messages only.");
					}
					parts.add(image(part, partWhere));
				}
				case "input_file" -> throw ResponsesApiException.unsupportedValue(partWhere,
						"Files are not supported for non-OpenAI models. Send the file's text as input_text.");
				default -> throw ResponsesApiException.invalidValue(partWhere + ".type",
						"Content parts of type '" + type + "' are not supported here.");
			}
		}
		if (parts.size() == 1 && "text".equals(parts.get(0).path("type").asString(""))) {
			return parts.get(0).path("text");
		}
		return parts;
	}

	private static ObjectNode image(JsonNode part, String where) {
		JsonNode url = part.path("image_url");
		if (!url.isString()) {
			if (part.path("file_id").isString()) {
				throw ResponsesApiException.unsupportedValue(where + ".file_id",
						"Images given by file_id are not supported for non-OpenAI models: Meridian cannot read files "
								+ "uploaded to OpenAI. Send the image as a URL or a base64 data URL in image_url.");
			}
			throw ResponsesApiException.missingParameter(where + ".image_url");
		}
		ObjectNode chatPart = JsonNodeFactory.instance.objectNode();
		chatPart.put("type", "image_url");
		ObjectNode imageUrl = chatPart.putObject("image_url");
		imageUrl.set("url", url);
		JsonNode detail = part.path("detail");
		if (detail.isString()) {
			imageUrl.set("detail", detail);
		}
		return chatPart;
	}

	private static String requiredString(JsonNode node, String field, String where) {
		JsonNode value = node.path(field);
		if (!value.isString()) {
			throw ResponsesApiException.missingParameter(where + "." + field);
		}
		return value.stringValue();
	}

}
