package dev.meridian.gateway.dialect;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One server-sent event of a dialect whose events are named, as Anthropic Messages and OpenAI
 * Responses streams are.
 *
 * @param name the SSE event name, equal to the data's {@code type} in both APIs
 * @param data the event payload
 */
public record NamedEvent(String name, ObjectNode data) {

	/** {@code event: NAME\ndata: JSON\n\n} in UTF-8; the JSON is compact, so it fits on one data line. */
	public byte[] toBytes() {
		String frame = "event: " + this.name + "\ndata: " + JsonMapper.shared().writeValueAsString(this.data) + "\n\n";
		return frame.getBytes(StandardCharsets.UTF_8);
	}

}
