package dev.meridian.gateway.provider.gemini;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads the parts of a Gemini candidate as OpenAI message content and tool calls. */
final class GeminiParts {

	private GeminiParts() {
	}

	/** The answer text, without thought summaries; {@code null} when the candidate has none. */
	static @Nullable String text(JsonNode parts) {
		StringBuilder text = new StringBuilder();
		boolean found = false;
		for (JsonNode part : parts.values()) {
			if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
				text.append(part.get("text").asString());
				found = true;
			}
		}
		return found ? text.toString() : null;
	}

	/**
	 * OpenAI tool calls for the candidate's function calls. The call id is made up: Gemini's is
	 * optional, and results go back to Gemini by function name, so it only has to pair results with
	 * calls for the client. A thought signature rides along where Gemini's own OpenAI endpoint puts
	 * it, so clients that echo the assistant message hand it back.
	 */
	static List<ObjectNode> toolCalls(JsonNode parts) {
		List<ObjectNode> calls = new ArrayList<>();
		for (JsonNode part : parts.values()) {
			JsonNode functionCall = part.path("functionCall");
			if (!functionCall.isObject()) {
				continue;
			}
			ObjectNode call = JsonNodeFactory.instance.objectNode()
					.put("id", "call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24))
					.put("type", "function");
			JsonNode args = functionCall.path("args");
			call.putObject("function")
					.put("name", functionCall.path("name").asString(""))
					.put("arguments", args.isObject() ? args.toString() : "{}");
			if (part.path("thoughtSignature").isString()) {
				call.putObject("extra_content").putObject("google").set("thought_signature", part.get("thoughtSignature"));
			}
			calls.add(call);
		}
		return calls;
	}
}
