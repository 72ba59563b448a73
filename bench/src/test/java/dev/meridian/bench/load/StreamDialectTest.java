package dev.meridian.bench.load;

import static dev.meridian.bench.load.StreamDialect.EventKind.CONTENT;
import static dev.meridian.bench.load.StreamDialect.EventKind.ERROR;
import static dev.meridian.bench.load.StreamDialect.EventKind.OTHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meridian.bench.UsageException;
import org.junit.jupiter.api.Test;

class StreamDialectTest {

    private static StreamDialect.EventKind chat(String data) {
        return StreamDialect.CHAT_COMPLETIONS.classify(new SseEvent(null, data));
    }

    @Test
    void chatContentIsANonEmptyDeltaContent() {
        assertEquals(CONTENT, chat("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}"));
        assertEquals(OTHER, chat("{\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"));
        assertEquals(OTHER, chat("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}"));
        assertEquals(OTHER, chat("{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}"));
        assertEquals(OTHER, chat("[DONE]"));
    }

    @Test
    void chatErrorsAndBrokenJsonAreErrors() {
        assertEquals(ERROR, chat("{\"error\":{\"message\":\"upstream failed\"}}"));
        assertEquals(ERROR, chat("{\"choices\":[{\"delta\":{\"content\":\"Hi"));
    }

    @Test
    void responsesUseTheEventNameOrTheType() {
        StreamDialect dialect = StreamDialect.RESPONSES;
        assertEquals(CONTENT, dialect.classify(new SseEvent("response.output_text.delta", "{}")));
        assertEquals(CONTENT, dialect.classify(new SseEvent(null, "{\"type\":\"response.output_text.delta\"}")));
        assertEquals(OTHER, dialect.classify(new SseEvent("response.created", "{}")));
        assertEquals(ERROR, dialect.classify(new SseEvent("response.failed", "{}")));
    }

    @Test
    void messagesContentIsContentBlockDelta() {
        StreamDialect dialect = StreamDialect.MESSAGES;
        assertEquals(CONTENT, dialect.classify(new SseEvent("content_block_delta", "{}")));
        assertEquals(OTHER, dialect.classify(new SseEvent("ping", "{\"type\":\"ping\"}")));
        assertEquals(ERROR, dialect.classify(new SseEvent(null, "{\"type\":\"error\",\"error\":{}}")));
    }

    @Test
    void dialectFollowsThePath() {
        assertEquals(StreamDialect.CHAT_COMPLETIONS, StreamDialect.forPath("/v1/chat/completions"));
        assertEquals(StreamDialect.RESPONSES, StreamDialect.forPath("/v1/responses"));
        assertEquals(StreamDialect.MESSAGES, StreamDialect.forPath("/v1/messages"));
        assertThrows(UsageException.class, () -> StreamDialect.forPath("/v1/embeddings"));
    }
}
