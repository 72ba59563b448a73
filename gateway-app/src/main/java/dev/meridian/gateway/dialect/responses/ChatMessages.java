package dev.meridian.gateway.dialect.responses;

import dev.meridian.gateway.error.GatewayException;
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
			throw GatewayException.invalidValue("instructions must be a string.", "instructions");
		}
		if (input.isString()) {
			addMessage(messages, "user", input);
			return messages;
		}
		if (!ResponsesRequestTranslator.isSet(input)) {
			throw GatewayException.missingParameter("input");
		}
		if (!input.isArray()) {
			throw GatewayException.invalidValue("input must be a string or an array of input items.", "input");
		}
		if (input.isEmpty()) {
			throw GatewayException.invalidValue("input must hold at least one item.", "input");
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
			case "item_reference" -> throw GatewayException.unsupportedValue(
					"Item references are not supported for non-OpenAI models: Meridian keeps no conversation "
							+ "state for them. Send the referenced items themselves.",
					where);
			default -> throw GatewayException.unsupportedValue(
					"Input items of type '" + type + "' are not supported for non-OpenAI models.", where + ".type");
		}
	}

	private static void addInputMessage(ArrayNode messages, JsonNode item, String where) {
		JsonNode content = item.path("content");
		switch (item.path("role").asString("")) {
			case "user" -> addMessage(messages, "user", content(content, where + ".content", true));
			// Many OpenAI-compatible servers do not know the developer role; system means the same.
			case "system", "developer" -> addMessage(messages, "system", content(content, where + ".content", false));
			case "assistant" -> addMessage(messages, "assistant", content(content, where + ".content", false));
			default -> throw GatewayException.invalidValue(
					"Invalid value: '" + item.path("role").asString("") + "'. Supported values are: 'user', "
							+ "'assistant', 'system' and 'developer'.",
					where + ".role");
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
			throw GatewayException.invalidValue(where + " must be a string or an array of content parts.", where);
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
						throw GatewayException
							.unsupportedValue("Images can be sent to non-OpenAI models in user messages only.", partWhere);
					}
					parts.add(image(part, partWhere));
				}
				case "input_file" -> throw GatewayException.unsupportedValue(
						"Files are not supported for non-OpenAI models. Send the file's text as input_text.", partWhere);
				default -> throw GatewayException.invalidValue(
						"Content parts of type '" + type + "' are not supported here.", partWhere + ".type");
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
				throw GatewayException.unsupportedValue(
						"Images given by file_id are not supported for non-OpenAI models: Meridian cannot read files "
								+ "uploaded to OpenAI. Send the image as a URL or a base64 data URL in image_url.",
						where + ".file_id");
			}
			throw GatewayException.missingParameter(where + ".image_url");
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
			throw GatewayException.missingParameter(where + "." + field);
		}
		return value.stringValue();
	}

}
