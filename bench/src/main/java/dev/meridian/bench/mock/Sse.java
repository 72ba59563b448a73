package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Server-sent-event framing: {@code event:} (optional) and {@code data:} lines ending in a blank line. */
final class Sse {

    static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private Sse() {
    }

    static byte[] data(JsonNode payload) {
        return frame(null, payload);
    }

    /** A typed event; its name is the payload's {@code type}, as in both OpenAI's and Anthropic's streams. */
    static byte[] typedEvent(JsonNode payload) {
        return frame(payload.get("type").stringValue(), payload);
    }

    private static byte[] frame(String name, JsonNode payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        if (name != null) {
            out.writeBytes(("event: " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(DATA);
        out.writeBytes(Json.MAPPER.writeValueAsBytes(payload));
        out.writeBytes(END);
        return out.toByteArray();
    }
}
