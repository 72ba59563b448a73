package dev.meridian.gateway.provider;

import java.util.function.Function;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The arguments of an OpenAI tool call as the JSON object Anthropic and Bedrock want: OpenAI sends
 * them as a JSON string, some clients as the object itself, and an empty string means none.
 */
public final class ToolArguments {

	private ToolArguments() {
	}

	/**
	 * @param refusal the error for arguments that are no JSON object, given what is wrong with them
	 * ({@code is not valid JSON}, {@code must be a JSON object})
	 */
	public static JsonNode asObject(JsonNode arguments, Function<String, GatewayException> refusal) {
		if (arguments.isObject()) {
			return arguments;
		}
		String json = arguments.asString("");
		if (json.isBlank()) {
			return JsonNodeFactory.instance.objectNode();
		}
		JsonNode input;
		try {
			input = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException ex) {
			throw refusal.apply("is not valid JSON");
		}
		if (!input.isObject()) {
			throw refusal.apply("must be a JSON object");
		}
		return input;
	}

}
