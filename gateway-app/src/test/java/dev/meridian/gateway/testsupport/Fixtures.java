package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.error.OpenAiErrorBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads recorded from the providers' and clients' APIs under {@code src/test/resources}, named by
 * their path there ({@code gemini/text-stream.sse}), and the JSON helpers the translation tests share.
 */
public final class Fixtures {

	private static final JsonMapper JSON = JsonMapper.shared();

	private Fixtures() {
	}

	public static String text(String resource) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
			assertThat(in).as("fixture " + resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JSON resource whose top level is an object. */
	public static ObjectNode resource(String resource) {
		return object(text(resource));
	}

	public static ObjectNode object(String json) {
		return (ObjectNode) JSON.readTree(json);
	}

	public static ArrayNode array(String json) {
		return (ArrayNode) JSON.readTree(json);
	}

	/**
	 * The tree as a client reads it off the wire: a long 12 and an int 12 are different nodes but
	 * the same JSON, and only the JSON matters.
	 */
	public static JsonNode wire(JsonNode tree) {
		return JSON.readTree(JSON.writeValueAsString(tree));
	}

	/** Compares as JSON values: property order and the Java type behind a number do not matter. */
	public static void assertJson(JsonNode actual, String expected) {
		assertThat(wire(actual)).isEqualTo(JSON.readTree(expected));
	}

	/** The OpenAI error envelope a client receives for this error. */
	public static JsonNode openAiEnvelope(GatewayException error) {
		return JSON.readTree(OpenAiErrorBody.of(error));
	}

	/** One server-sent event of a fixture. */
	public record Event(@Nullable String name, ObjectNode data) {
	}

	/** The events of an SSE fixture, as they came over the wire; {@code data: [DONE]} is not JSON and is left out. */
	public static List<Event> sse(String resource) {
		List<Event> events = new ArrayList<>();
		for (String frame : text(resource).split("\r?\n\r?\n")) {
			String name = null;
			String data = null;
			for (String line : frame.strip().split("\r?\n")) {
				if (line.startsWith("event:")) {
					name = line.substring("event:".length()).strip();
				}
				else if (line.startsWith("data:")) {
					data = line.substring("data:".length()).strip();
				}
			}
			if (data != null && !data.equals("[DONE]")) {
				events.add(new Event(name, object(data)));
			}
		}
		return events;
	}

	/** The {@code data:} payloads of an SSE fixture, one per event. */
	public static List<ObjectNode> sseData(String resource) {
		return sse(resource).stream().map(Event::data).toList();
	}

}
