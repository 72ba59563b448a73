package dev.meridian.gateway.dialect.anthropic;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server-sent event of an Anthropic Messages stream.
 *
 * @param event the SSE event name, equal to the data's {@code type} as Anthropic sends it
 * @param data the event payload
 */
public record SseEvent(String event, ObjectNode data) {

	/** {@code event: NAME\ndata: JSON\n\n} in UTF-8; the JSON is compact, so it fits on one data line. */
	public byte[] toBytes() {
		String frame = "event: " + this.event + "\ndata: " + JsonMapper.shared().writeValueAsString(this.data) + "\n\n";
		return frame.getBytes(StandardCharsets.UTF_8);
	}

}
