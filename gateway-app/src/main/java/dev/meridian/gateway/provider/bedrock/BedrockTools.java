package dev.meridian.gateway.provider.bedrock;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ToolArguments;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tools between the two APIs: OpenAI function tools become Converse {@code toolSpec}s, an
 * assistant's {@code tool_calls} become {@code toolUse} blocks and a {@code tool} message becomes a
 * {@code toolResult} block.
 */
final class BedrockTools {

	private BedrockTools() {
	}

	/**
	 * The {@code toolConfig}, or null when the request offers no tool.
	 * <p>
	 * Converse has no "none" tool choice, and it rejects a conversation holding {@code toolUse} or
	 * {@code toolResult} blocks unless {@code toolConfig} is present. So {@code "none"} leaves the
	 * tools out when the history has no tool blocks (the model then cannot call any), and otherwise
	 * keeps them without a choice, which lets the model decide. {@code "auto"} is Bedrock's default
	 * and is not sent, because only some models accept an explicit {@code toolChoice}.
	 */
	static @Nullable ObjectNode toolConfig(JsonNode tools, JsonNode toolChoice, boolean historyUsesTools) {
		boolean none = "none".equals(toolChoice.asString(""));
		if (!tools.isArray() || tools.isEmpty() || (none && !historyUsesTools)) {
			return null;
		}
		ObjectNode config = JsonNodeFactory.instance.objectNode();
		ArrayNode specs = config.putArray("tools");
		for (int i = 0; i < tools.size(); i++) {
			specs.addObject().set("toolSpec", toolSpec(tools.get(i), "tools[" + i + "]"));
		}
		ObjectNode choice = none ? null : toolChoice(toolChoice);
		if (choice != null) {
			config.set("toolChoice", choice);
		}
		return config;
	}

	static ObjectNode toolUse(JsonNode call, String where) {
		if (!"function".equals(call.path("type").asString("function"))) {
			throw GatewayException.unsupportedValue(where + ".type must be function");
		}
		ObjectNode toolUse = JsonNodeFactory.instance.objectNode();
		toolUse.put("toolUseId", required(call.path("id"), where + ".id"));
		toolUse.put("name", required(call.path("function").path("name"), where + ".function.name"));
		toolUse.set("input", ToolArguments.asObject(call.path("function").path("arguments"),
				problem -> GatewayException.invalidValue(where + ".function.arguments " + problem)));
		return JsonNodeFactory.instance.objectNode().set("toolUse", toolUse);
	}

	/**
	 * A tool message's text travels as text, exactly as the client wrote it; a JSON object (which
	 * some clients send instead of a string) travels as JSON; content parts keep their text and images.
	 */
	static ObjectNode toolResult(JsonNode message, String where) {
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		result.put("toolUseId", required(message.path("tool_call_id"), where + ".tool_call_id"));
		ArrayNode content = result.putArray("content");
		JsonNode openAiContent = message.path("content");
		if (openAiContent.isObject()) {
			content.addObject().set("json", openAiContent);
		}
		else {
			BedrockContentBlocks.fromContent(openAiContent, where, true).forEach(content::add);
		}
		return JsonNodeFactory.instance.objectNode().set("toolResult", result);
	}

	private static ObjectNode toolSpec(JsonNode tool, String where) {
		if (!"function".equals(tool.path("type").asString(""))) {
			throw GatewayException.unsupportedValue(where + ".type '" + tool.path("type").asString("")
					+ "' is not supported by Bedrock; only function tools are");
		}
		JsonNode function = tool.path("function");
		ObjectNode spec = JsonNodeFactory.instance.objectNode();
		spec.put("name", required(function.path("name"), where + ".function.name"));
		String description = function.path("description").asString("");
		if (!description.isBlank()) {
			spec.put("description", description);
		}
		// Bedrock requires a schema whose top level is an object; OpenAI lets a function take no parameters.
		JsonNode parameters = function.path("parameters");
		ObjectNode schema = parameters.isObject() ? (ObjectNode) parameters
				: JsonNodeFactory.instance.objectNode().put("type", "object").set("properties",
						JsonNodeFactory.instance.objectNode());
		spec.putObject("inputSchema").set("json", schema);
		return spec;
	}

	private static @Nullable ObjectNode toolChoice(JsonNode toolChoice) {
		if (toolChoice.isMissingNode() || toolChoice.isNull() || "auto".equals(toolChoice.asString(""))) {
			return null;
		}
		ObjectNode choice = JsonNodeFactory.instance.objectNode();
		if ("required".equals(toolChoice.asString(""))) {
			choice.putObject("any");
			return choice;
		}
		if (toolChoice.isObject() && "function".equals(toolChoice.path("type").asString(""))) {
			choice.putObject("tool").put("name", required(toolChoice.path("function").path("name"),
					"tool_choice.function.name"));
			return choice;
		}
		throw GatewayException.unsupportedValue(
				"tool_choice must be none, auto, required or {\"type\":\"function\",\"function\":{\"name\":...}}");
	}

	private static String required(JsonNode value, String where) {
		if (!value.isString() || value.stringValue().isEmpty()) {
			throw GatewayException.invalidValue(where + " is required");
		}
		return value.stringValue();
	}

}
