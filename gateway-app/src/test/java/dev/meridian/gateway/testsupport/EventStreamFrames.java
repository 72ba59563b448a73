package dev.meridian.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The binary {@code application/vnd.amazon.eventstream} framing of a Bedrock ConverseStream answer,
 * encoded by the AWS eventstream library, and a writer that sends the frames the way a network
 * delivers them: each frame cut in two, its halves in different writes.
 */
public final class EventStreamFrames {

	private static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

	/** Bedrock pads every event payload with a field {@code p} of varying length, to hide the size of the text. */
	private static final String PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0";

	private static final JsonMapper JSON = JsonMapper.shared();

	private EventStreamFrames() {
	}

	/** An event: {@code :event-type}, {@code :content-type} and {@code :message-type} headers, JSON payload. */
	public static byte[] event(String eventType, String payloadJson) {
		ObjectNode payload = (ObjectNode) JSON.readTree(payloadJson);
		payload.put("p", PADDING.substring(0, 1 + Math.floorMod(payloadJson.hashCode(), PADDING.length() - 1)));
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":event-type", HeaderValue.fromString(eventType));
		headers.put(":content-type", HeaderValue.fromString("application/json"));
		headers.put(":message-type", HeaderValue.fromString("event"));
		return encode(headers, JSON.writeValueAsBytes(payload));
	}

	/** An exception in the middle of a stream, e.g. {@code throttlingException}; Bedrock ends the stream after it. */
	public static byte[] exception(String exceptionType, String message) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":exception-type", HeaderValue.fromString(exceptionType));
		headers.put(":content-type", HeaderValue.fromString("application/json"));
		headers.put(":message-type", HeaderValue.fromString("exception"));
		return encode(headers, JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message)));
	}

	/**
	 * Answers 200 with the frames. Every write but the first and last holds the second half of one
	 * frame and the first half of the next, and is flushed on its own: the reader never gets a
	 * frame whole in one piece.
	 */
	public static void send(HttpExchange exchange, List<byte[]> frames) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
		exchange.getResponseHeaders().set("x-amzn-RequestId", BedrockMockServer.REQUEST_ID);
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			ByteArrayOutputStream pending = new ByteArrayOutputStream();
			for (byte[] frame : frames) {
				int half = frame.length / 2;
				pending.write(frame, 0, half);
				out.write(pending.toByteArray());
				out.flush();
				pending.reset();
				pending.write(frame, half, frame.length - half);
			}
			out.write(pending.toByteArray());
			out.flush();
		}
	}

	private static byte[] encode(Map<String, HeaderValue> headers, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new Message(headers, payload).encode(out);
		return out.toByteArray();
	}

}
