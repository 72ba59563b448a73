package dev.meridian.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventReaderTest {

    private final SseEventReader reader = new SseEventReader();
    private final List<SseEvent> events = new ArrayList<>();

    private void feed(String text) {
        reader.feed(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), events::add);
    }

    @Test
    void readsNamedAndUnnamedEvents() {
        feed("event: ping\ndata: {\"type\":\"ping\"}\n\ndata: [DONE]\n\n");

        assertEquals(List.of(new SseEvent("ping", "{\"type\":\"ping\"}"), new SseEvent(null, "[DONE]")), events);
    }

    @Test
    void keepsAnEventSplitAcrossReadsUntilItsBlankLine() {
        feed("data: {\"a\"");
        feed(":1}\n");
        assertEquals(List.of(), events);

        feed("\ndata: x");

        assertEquals(List.of(new SseEvent(null, "{\"a\":1}")), events);
    }

    @Test
    void acceptsCrLfLineEndsAndJoinsDataLines() {
        feed("data: one\r\ndata:two\r\n\r\n");

        assertEquals(List.of(new SseEvent(null, "one\ntwo")), events);
    }

    @Test
    void skipsCommentOnlyBlocks() {
        feed(": keep-alive\n\ndata: x\n\n");

        assertEquals(List.of(new SseEvent(null, "x")), events);
    }
}
