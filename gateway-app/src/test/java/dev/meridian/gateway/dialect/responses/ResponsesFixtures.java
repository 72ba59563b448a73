package dev.meridian.gateway.dialect.responses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.openai.core.ObjectMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Test input under {@code src/test/resources/responses/}, JSON comparison and parsing with the OpenAI SDK. */
final class ResponsesFixtures {

	private ResponsesFixtures() {
	}

	static ObjectNode object(String json) {
		return (ObjectNode) JsonMapper.shared().readTree(json);
	}

	static ObjectNode resource(String name) {
		return object(text(name));
	}

	/** The {@code data:} payloads of a recorded chat completion stream, without {@code [DONE]}. */
	static List<ObjectNode> chunks(String name) {
		return text(name).lines()
			.filter(line -> line.startsWith("data: ") && !line.equals("data: [DONE]"))
			.map(line -> object(line.substring("data: ".length())))
			.toList();
	}

	/**
	 * Compares as JSON values: field order is free, and a number is equal to the same number
	 * whatever Java type built it.
	 */
	static void assertJson(JsonNode actual, String expected) {
		assertThat(JsonMapper.shared().readTree(JsonMapper.shared().writeValueAsString(actual)))
			.isEqualTo(JsonMapper.shared().readTree(expected));
	}

	/** Reads the JSON as the official OpenAI Java SDK reads a server's answer. */
	static <T> T sdk(JsonNode json, Class<T> type) {
		try {
			return ObjectMappers.jsonMapper().readValue(JsonMapper.shared().writeValueAsString(json), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(String name) {
		try (InputStream in = ResponsesFixtures.class.getResourceAsStream("/responses/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
