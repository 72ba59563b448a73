package dev.meridian.gateway.provider.gemini;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meridian.gateway.error.GatewayException;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns OpenAI chat messages into Gemini's {@code systemInstruction} and {@code contents}.
 * Gemini knows only the roles {@code user} and {@code model}, so tool results travel in user turns,
 * and consecutive turns of one role are merged into one.
 */
final class GeminiContents {

	/**
	 * Gemini 3 rejects a replayed function call without the thought signature it was issued with.
	 * Histories that lost it (other models, clients that drop unknown fields) carry this value,
	 * which Gemini documents for exactly that case.
	 */
	private static final String SKIP_THOUGHT_SIGNATURE = "skip_thought_signature_validator";

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final ArrayNode systemParts = JSON.arrayNode();
	private final ArrayNode contents = JSON.arrayNode();
	private final Map<String, String> functionNamesByCallId = new HashMap<>();

	private GeminiContents() {
	}

	static void addTo(ObjectNode geminiRequest, JsonNode messages) {
		if (!messages.isArray() || messages.isEmpty()) {
			throw GatewayException.invalidValue("messages must be a non-empty array");
		}
		GeminiContents translation = new GeminiContents();
		messages.values().forEach(translation::add);
		if (translation.contents.isEmpty()) {
			throw GatewayException.invalidValue("messages must contain a user or assistant message with content");
		}
		if (!translation.systemParts.isEmpty()) {
			geminiRequest.putObject("systemInstruction").set("parts", translation.systemParts);
		}
		geminiRequest.set("contents", translation.contents);
	}

	private void add(JsonNode message) {
		String role = message.path("role").asString("");
		switch (role) {
			case "system", "developer" -> textPart(message.path("content"), role).ifPresent(systemParts::add);
			case "user" -> append("user", userParts(message.path("content")));
			case "assistant" -> append("model", assistantParts(message));
			case "tool" -> append("user", List.of(functionResponse(message)));
			default -> throw GatewayException.unsupportedValue("Unsupported message role '" + role + "'");
		}
	}

	private void append(String role, List<ObjectNode> parts) {
		if (parts.isEmpty()) {
			return;
		}
		@Nullable JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
		ArrayNode target;
		if (last != null && last.path("role").asString().equals(role)) {
			target = (ArrayNode) last.get("parts");
		} else {
			ObjectNode content = contents.addObject().put("role", role);
			target = content.putArray("parts");
		}
		parts.forEach(target::add);
	}

	private static List<ObjectNode> userParts(JsonNode content) {
		if (!content.isArray()) {
			return textPart(content, "user").stream().toList();
		}
		List<ObjectNode> parts = new ArrayList<>();
		for (JsonNode part : content.values()) {
			String type = part.path("type").asString("");
			switch (type) {
				case "text" -> textPart(part.path("text"), "user").ifPresent(parts::add);
				case "image_url" -> parts.add(GeminiImages.toPart(part.path("image_url")));
				default -> throw GatewayException.unsupportedValue(
						"Content part type '" + type + "' is not supported by Gemini models");
			}
		}
		return parts;
	}

	private List<ObjectNode> assistantParts(JsonNode message) {
		List<ObjectNode> parts = new ArrayList<>(textPart(message.path("content"), "assistant").stream().toList());
		JsonNode toolCalls = message.path("tool_calls");
		boolean signed = toolCalls.values().stream()
				.anyMatch(call -> call.at("/extra_content/google/thought_signature").isString());
		boolean first = true;
		for (JsonNode call : toolCalls.values()) {
			ObjectNode part = functionCall(call);
			JsonNode signature = call.at("/extra_content/google/thought_signature");
			if (signature.isString()) {
				part.set("thoughtSignature", signature);
			} else if (first && !signed) {
				// Gemini signs only the first call of a parallel batch, so only that one needs a stand-in.
				part.put("thoughtSignature", SKIP_THOUGHT_SIGNATURE);
			}
			first = false;
			parts.add(part);
		}
		return parts;
	}

	private ObjectNode functionCall(JsonNode call) {
		String type = call.path("type").asString("function");
		if (!type.equals("function")) {
			throw GatewayException.unsupportedValue("Tool call type '" + type + "' is not supported by Gemini models");
		}
		String name = call.path("function").path("name").asString("");
		if (name.isEmpty()) {
			throw GatewayException.invalidValue("Assistant tool_calls need a function name");
		}
		functionNamesByCallId.put(call.path("id").asString(""), name);
		ObjectNode part = JSON.objectNode();
		part.putObject("functionCall").put("name", name).set("args", arguments(call.path("function").path("arguments"), name));
		return part;
	}

	/** OpenAI carries arguments as a JSON string; Gemini wants the object itself. */
	private static JsonNode arguments(JsonNode arguments, String functionName) {
		String text = arguments.asString("").strip();
		if (text.isEmpty()) {
			return JSON.objectNode();
		}
		JsonNode parsed = parseOrNull(text);
		if (parsed == null || !parsed.isObject()) {
			throw GatewayException.invalidValue(
					"The arguments of tool call '" + functionName + "' are not a JSON object: " + text);
		}
		return parsed;
	}

	private ObjectNode functionResponse(JsonNode message) {
		String callId = message.path("tool_call_id").asString("");
		String name = functionNamesByCallId.get(callId);
		if (name == null) {
			throw GatewayException.invalidValue(
					"Tool message refers to tool_call_id '" + callId + "', which no earlier assistant message issued");
		}
		String text = textOf(message.path("content"), "tool");
		@Nullable JsonNode parsed = text.strip().startsWith("{") ? parseOrNull(text) : null;
		ObjectNode response = parsed != null && parsed.isObject()
				? (ObjectNode) parsed
				: JSON.objectNode().put("content", text);
		ObjectNode part = JSON.objectNode();
		part.putObject("functionResponse").put("name", name).set("response", response);
		return part;
	}

	/** Gemini rejects empty text parts, so empty content yields no part. */
	private static Optional<ObjectNode> textPart(JsonNode content, String role) {
		String text = textOf(content, role);
		return text.isEmpty() ? Optional.empty() : Optional.of(JSON.objectNode().put("text", text));
	}

	/** Message content is a string, null, or an array of text parts. */
	private static String textOf(JsonNode content, String role) {
		if (content.isString()) {
			return content.asString();
		}
		if (content.isMissingNode() || content.isNull()) {
			return "";
		}
		if (!content.isArray()) {
			throw GatewayException.invalidValue("Message content must be a string or an array of parts");
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content.values()) {
			if (!part.path("type").asString("").equals("text")) {
				throw GatewayException.unsupportedValue(
						"Only text content is supported in " + role + " messages");
			}
			text.append(part.path("text").asString(""));
		}
		return text.toString();
	}

	private static @Nullable JsonNode parseOrNull(String json) {
		try {
			return JsonMapper.shared().readTree(json);
		} catch (JacksonException e) {
			return null;
		}
	}
}
