package dev.meridian.gateway.provider.anthropic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Anthropic wire payloads, as the API sends them, under {@code src/test/resources/anthropic}, and JSON helpers. */
final class AnthropicFixtures {

	private static final JsonMapper MAPPER = JsonMapper.shared();

	private AnthropicFixtures() {
	}

	static ObjectNode object(String json) {
		return (ObjectNode) MAPPER.readTree(json);
	}

	/** Compares as JSON values: property order and int/long representation do not matter. */
	static void assertJson(JsonNode actual, String expected) {
		assertThat(MAPPER.readTree(MAPPER.writeValueAsString(actual))).isEqualTo(MAPPER.readTree(expected));
	}

	/** One server-sent event of a fixture file. */
	record Event(String name, ObjectNode data) {
	}

	/** Reads an SSE fixture as it came over the wire; {@code data: [DONE]} is not JSON and is skipped. */
	static List<Event> sse(String resource) {
		String text;
		try (InputStream in = AnthropicFixtures.class.getResourceAsStream("/anthropic/" + resource)) {
			assertThat(in).as(resource).isNotNull();
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		List<Event> events = new ArrayList<>();
		for (String frame : text.split("\n\n")) {
			String name = null;
			String data = null;
			for (String line : frame.split("\n")) {
				if (line.startsWith("event: ")) {
					name = line.substring("event: ".length());
				}
				else if (line.startsWith("data: ")) {
					data = line.substring("data: ".length());
				}
			}
			if (data != null && !data.equals("[DONE]")) {
				events.add(new Event(name, object(data)));
			}
		}
		return events;
	}

}
