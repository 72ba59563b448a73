package dev.meridian.gateway.dialect.responses;

import java.util.HashSet;
import java.util.Set;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Responses function tools and tool choice in their chat form. Responses puts a function's name,
 * description, parameters and strict flag on the tool itself; chat nests them under
 * {@code function}. Built-in tools run inside OpenAI, so no other model can use them.
 */
final class FunctionTools {

	private FunctionTools() {
	}

	static ArrayNode chatTools(JsonNode tools) {
		ArrayNode chatTools = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < tools.size(); i++) {
			JsonNode tool = tools.get(i);
			String where = "tools[" + i + "]";
			String type = tool.path("type").asString("");
			if (!"function".equals(type)) {
				throw GatewayException.unsupportedValue(
						"The '" + type + "' tool is not supported for non-OpenAI models; only function tools are.",
						where + ".type");
			}
			if (!tool.path("name").isString()) {
				throw GatewayException.missingParameter(where + ".name");
			}
			ObjectNode chatTool = chatTools.addObject();
			chatTool.put("type", "function");
			ObjectNode function = chatTool.putObject("function");
			function.set("name", tool.path("name"));
			for (String field : new String[] { "description", "parameters", "strict" }) {
				if (ResponsesRequestTranslator.isSet(tool.path(field))) {
					function.set(field, tool.path(field));
				}
			}
		}
		return chatTools;
	}

	/** Writes {@code tool_choice}; an {@code allowed_tools} choice also narrows the chat tools. */
	static void applyToolChoice(JsonNode toolChoice, ObjectNode chat) {
		if (!ResponsesRequestTranslator.isSet(toolChoice)) {
			return;
		}
		if (toolChoice.isString()) {
			switch (toolChoice.stringValue()) {
				case "none", "auto", "required" -> chat.set("tool_choice", toolChoice);
				default -> throw GatewayException.invalidValue("Invalid value: '" + toolChoice.stringValue()
						+ "'. Supported values are: 'none', 'auto' and 'required'.", "tool_choice");
			}
			return;
		}
		String type = toolChoice.path("type").asString("");
		switch (type) {
			case "function" -> {
				if (!toolChoice.path("name").isString()) {
					throw GatewayException.missingParameter("tool_choice.name");
				}
				ObjectNode choice = chat.putObject("tool_choice");
				choice.put("type", "function");
				choice.putObject("function").set("name", toolChoice.path("name"));
			}
			case "allowed_tools" -> allowOnly(toolChoice, chat);
			default -> throw GatewayException.unsupportedValue(
					"tool_choice of type '" + type + "' is not supported for non-OpenAI models; only function tools are.",
					"tool_choice.type");
		}
	}

	/**
	 * Chat servers other than OpenAI's have no allowed-tools choice; offering the model only the
	 * allowed functions has the same effect.
	 */
	private static void allowOnly(JsonNode toolChoice, ObjectNode chat) {
		Set<String> allowed = new HashSet<>();
		JsonNode tools = toolChoice.path("tools");
		for (int i = 0; i < tools.size(); i++) {
			JsonNode tool = tools.get(i);
			if (!"function".equals(tool.path("type").asString("")) || !tool.path("name").isString()) {
				throw GatewayException.unsupportedValue("Only function tools can be allowed for non-OpenAI models.",
						"tool_choice.tools[" + i + "]");
			}
			allowed.add(tool.path("name").stringValue());
		}
		String mode = toolChoice.path("mode").asString("");
		if (!"auto".equals(mode) && !"required".equals(mode)) {
			throw GatewayException.invalidValue(
					"Invalid value: '" + mode + "'. Supported values are: 'auto' and 'required'.", "tool_choice.mode");
		}
		ArrayNode chatTools = chat.withArrayProperty("tools");
		chatTools.removeIf(tool -> !allowed.contains(tool.path("function").path("name").asString("")));
		if (chatTools.isEmpty()) {
			throw GatewayException.invalidValue("None of the allowed tools is among the request's tools.", "tool_choice.tools");
		}
		chat.put("tool_choice", mode);
	}

}
