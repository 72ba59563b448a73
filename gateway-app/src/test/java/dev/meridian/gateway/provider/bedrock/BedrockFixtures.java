package dev.meridian.gateway.provider.bedrock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Loads the wire-format fixtures under {@code bedrock/} and frames events as Bedrock sends them. */
final class BedrockFixtures {

	private BedrockFixtures() {
	}

	static ObjectNode json(String name) {
		return (ObjectNode) tree(name);
	}

	static JsonNode tree(String name) {
		try (InputStream in = BedrockFixtures.class.getResourceAsStream("/bedrock/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return JsonMapper.shared().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ObjectNode parse(String json) {
		return (ObjectNode) JsonMapper.shared().readTree(json);
	}

	/**
	 * The tree as a reader sees it after serialization: a long 12 and an int 12 are different nodes
	 * but the same JSON, and only the JSON matters on the wire.
	 */
	static JsonNode wire(JsonNode node) {
		return JsonMapper.shared().readTree(node.toString());
	}

	/** An event frame: the headers ConverseStream puts on every event, encoded by the AWS library. */
	static byte[] eventFrame(String eventType, String payloadJson) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":event-type", HeaderValue.fromString(eventType));
		headers.put(":content-type", HeaderValue.fromString("application/json"));
		headers.put(":message-type", HeaderValue.fromString("event"));
		return encode(headers, payloadJson.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] exceptionFrame(String exceptionType, String payloadJson) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":exception-type", HeaderValue.fromString(exceptionType));
		headers.put(":content-type", HeaderValue.fromString("application/json"));
		headers.put(":message-type", HeaderValue.fromString("exception"));
		return encode(headers, payloadJson.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] errorFrame(String errorCode, String errorMessage) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":error-code", HeaderValue.fromString(errorCode));
		headers.put(":error-message", HeaderValue.fromString(errorMessage));
		headers.put(":message-type", HeaderValue.fromString("error"));
		return encode(headers, new byte[0]);
	}

	static byte[] encode(Map<String, HeaderValue> headers, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new Message(headers, payload).encode(out);
		return out.toByteArray();
	}

	/** The frames of a stream fixture: a JSON array of {@code {"event", "payload"}}, in order. */
	static List<byte[]> streamFrames(String name) {
		List<byte[]> frames = new ArrayList<>();
		for (JsonNode event : tree(name).values()) {
			frames.add(eventFrame(event.path("event").stringValue(), event.path("payload").toString()));
		}
		return frames;
	}

	static byte[] concat(List<byte[]> frames) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		frames.forEach(out::writeBytes);
		return out.toByteArray();
	}

}
