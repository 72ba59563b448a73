package dev.meridian.gateway.provider.anthropic;

import dev.meridian.gateway.error.GatewayException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI function tools and tool choice, in Anthropic's terms. */
final class AnthropicTools {

	private AnthropicTools() {
	}

	static ArrayNode tools(JsonNode tools) {
		ArrayNode result = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < tools.size(); i++) {
			JsonNode tool = tools.get(i);
			String type = tool.path("type").asString("");
			if (!"function".equals(type)) {
				throw GatewayException
					.invalidRequest("tools[" + i + "]: tool type '" + type + "' is not supported by Anthropic models");
			}
			JsonNode function = tool.path("function");
			ObjectNode converted = result.addObject();
			converted.put("name", function.path("name").asString(""));
			if (function.path("description").isString()) {
				converted.put("description", function.path("description").stringValue());
			}
			JsonNode parameters = function.path("parameters");
			if (parameters.isObject()) {
				converted.set("input_schema", parameters);
			}
			else {
				// OpenAI allows a function without parameters; Anthropic requires an object schema.
				ObjectNode schema = converted.putObject("input_schema");
				schema.put("type", "object");
				schema.putObject("properties");
			}
		}
		return result;
	}

	/**
	 * Maps {@code tool_choice} and {@code parallel_tool_calls}. Anthropic carries the parallel
	 * switch inside tool_choice, so {@code parallel_tool_calls:false} alone yields
	 * {@code {"type":"auto","disable_parallel_tool_use":true}}. Returns null when neither is set.
	 */
	static @Nullable ObjectNode toolChoice(JsonNode toolChoice, JsonNode parallelToolCalls) {
		boolean serial = parallelToolCalls.isBoolean() && !parallelToolCalls.booleanValue();
		boolean unset = toolChoice.isMissingNode() || toolChoice.isNull();
		if (unset && !serial) {
			return null;
		}
		ObjectNode choice = JsonNodeFactory.instance.objectNode();
		if (unset) {
			choice.put("type", "auto");
		}
		else if (toolChoice.isString()) {
			switch (toolChoice.stringValue()) {
				case "auto" -> choice.put("type", "auto");
				case "none" -> choice.put("type", "none");
				case "required" -> choice.put("type", "any");
				default -> throw GatewayException
					.invalidRequest("tool_choice '" + toolChoice.stringValue() + "' is not supported; use auto, none or required");
			}
		}
		else if ("function".equals(toolChoice.path("type").asString(""))
				&& toolChoice.path("function").path("name").isString()) {
			choice.put("type", "tool");
			choice.put("name", toolChoice.path("function").path("name").stringValue());
		}
		else {
			throw GatewayException
				.invalidRequest("tool_choice must be auto, none, required or {\"type\":\"function\",\"function\":{\"name\"}}");
		}
		// Anthropic accepts the flag on auto, any and tool, not on none (no tool is called at all).
		if (serial && !"none".equals(choice.path("type").stringValue())) {
			choice.put("disable_parallel_tool_use", true);
		}
		return choice;
	}

}
