package dev.meridian.gateway.provider.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Gemini wire payloads recorded under {@code src/test/resources/gemini}, and OpenAI requests written inline. */
final class GeminiFixtures {

	private GeminiFixtures() {
	}

	static ObjectNode json(String json) {
		return (ObjectNode) JsonMapper.shared().readTree(json);
	}

	/** The tree as a client reads it off the wire, so that a long 1 and an int 1 compare equal. */
	static JsonNode wire(JsonNode tree) {
		return JsonMapper.shared().readTree(tree.toString());
	}

	static ArrayNode array(String json) {
		return (ArrayNode) JsonMapper.shared().readTree(json);
	}

	static String text(String name) {
		try (InputStream in = GeminiFixtures.class.getResourceAsStream("/gemini/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ObjectNode fixture(String name) {
		return json(text(name));
	}

	/** The {@code data:} payloads of an {@code alt=sse} stream, one per event. */
	static List<ObjectNode> sseEvents(String name) {
		return Arrays.stream(text(name).split("\r?\n\r?\n"))
				.map(String::strip)
				.filter(event -> event.startsWith("data:"))
				.map(event -> json(event.substring("data:".length())))
				.toList();
	}
}
