package dev.meridian.gateway.dialect.responses;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server-sent event of a Responses stream.
 *
 * @param type the SSE event name, equal to the data's {@code type} as OpenAI sends it
 * @param data the event payload, carrying {@code type} and {@code sequence_number}
 */
public record ResponsesEvent(String type, ObjectNode data) {

	/** {@code event: TYPE\ndata: JSON\n\n} in UTF-8; the JSON is compact, so it fits on one data line. */
	public byte[] toBytes() {
		String frame = "event: " + this.type + "\ndata: " + JsonMapper.shared().writeValueAsString(this.data) + "\n\n";
		return frame.getBytes(StandardCharsets.UTF_8);
	}

}
