package dev.meridian.gateway.provider.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.meridian.gateway.testsupport.Fixtures;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Frames events as Bedrock sends them, and reads the stream fixtures under {@code bedrock/} into frames. */
final class BedrockFixtures {

	private BedrockFixtures() {
	}

	/** An event frame: the headers ConverseStream puts on every event, encoded by the AWS library. */
	static byte[] eventFrame(String eventType, String payloadJson) {
		return jsonFrame("event", ":event-type", eventType, payloadJson);
	}

	static byte[] exceptionFrame(String exceptionType, String payloadJson) {
		return jsonFrame("exception", ":exception-type", exceptionType, payloadJson);
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
		for (JsonNode event : JsonMapper.shared().readTree(Fixtures.text("bedrock/" + name)).values()) {
			frames.add(eventFrame(event.path("event").stringValue(), event.path("payload").toString()));
		}
		return frames;
	}

	static byte[] concat(List<byte[]> frames) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		frames.forEach(out::writeBytes);
		return out.toByteArray();
	}

	/** The headers of an event or an exception: what it is, that its payload is JSON, and its kind. */
	private static byte[] jsonFrame(String messageType, String typeHeader, String type, String payloadJson) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(typeHeader, HeaderValue.fromString(type));
		headers.put(":content-type", HeaderValue.fromString("application/json"));
		headers.put(":message-type", HeaderValue.fromString(messageType));
		return encode(headers, payloadJson.getBytes(StandardCharsets.UTF_8));
	}

}
