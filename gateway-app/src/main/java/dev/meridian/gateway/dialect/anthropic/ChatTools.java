package dev.meridian.gateway.dialect.anthropic;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic client tools and tool choice as OpenAI function tools. */
final class ChatTools {

	private ChatTools() {
	}

	/**
	 * Client tools become functions. Anthropic's server tools (web search, code execution, ...)
	 * run inside Anthropic and have no meaning for another model, so they are refused.
	 */
	static ArrayNode tools(JsonNode tools) {
		ArrayNode functions = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < tools.size(); i++) {
			JsonNode tool = tools.get(i);
			String type = tool.path("type").asString("custom");
			if (!"custom".equals(type)) {
				throw GatewayException
					.invalidRequest("tools." + i + ".type: tool type '" + type + "' is not supported by this model");
			}
			if (!tool.path("name").isString()) {
				throw GatewayException.invalidRequest("tools." + i + ".name: Field required");
			}
			ObjectNode wrapper = functions.addObject();
			wrapper.put("type", "function");
			ObjectNode function = wrapper.putObject("function");
			function.put("name", tool.path("name").stringValue());
			if (tool.path("description").isString()) {
				function.put("description", tool.path("description").stringValue());
			}
			JsonNode schema = tool.path("input_schema");
			if (schema.isObject()) {
				function.set("parameters", schema);
			}
		}
		return functions;
	}

	/** Writes {@code tool_choice} and {@code parallel_tool_calls} into the chat request. */
	static void applyToolChoice(JsonNode toolChoice, ObjectNode chatRequest) {
		if (!toolChoice.isObject()) {
			return;
		}
		switch (toolChoice.path("type").asString("")) {
			case "auto" -> chatRequest.put("tool_choice", "auto");
			case "any" -> chatRequest.put("tool_choice", "required");
			case "none" -> chatRequest.put("tool_choice", "none");
			case "tool" -> {
				ObjectNode choice = chatRequest.putObject("tool_choice");
				choice.put("type", "function");
				choice.putObject("function").put("name", toolChoice.path("name").asString(""));
			}
			default -> throw GatewayException
				.invalidRequest("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'");
		}
		if (toolChoice.path("disable_parallel_tool_use").asBoolean(false)) {
			chatRequest.put("parallel_tool_calls", false);
		}
	}

}
