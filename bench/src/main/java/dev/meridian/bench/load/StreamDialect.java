package dev.meridian.bench.load;

import dev.meridian.bench.Json;
import dev.meridian.bench.UsageException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/** How each streaming API marks its text chunks and its errors. */
enum StreamDialect {

    /** OpenAI chat completions: content is {@code choices[0].delta.content}; the role-only first chunk is not. */
    CHAT_COMPLETIONS {
        @Override
        EventKind classifyParsed(SseEvent event) {
            if (event.data().equals("[DONE]")) {
                return EventKind.OTHER;
            }
            try (JsonParser parser = Json.MAPPER.createParser(event.data())) {
                return ChatChunkScanner.scan(parser);
            }
        }
    },

    /** OpenAI Responses API: typed events; text arrives in {@code response.output_text.delta}. */
    RESPONSES {
        @Override
        EventKind classifyParsed(SseEvent event) {
            return switch (typeOf(event)) {
                case "response.output_text.delta" -> EventKind.CONTENT;
                case "error", "response.failed" -> EventKind.ERROR;
                default -> EventKind.OTHER;
            };
        }
    },

    /** Anthropic Messages: text arrives in {@code content_block_delta}. */
    MESSAGES {
        @Override
        EventKind classifyParsed(SseEvent event) {
            return switch (typeOf(event)) {
                case "content_block_delta" -> EventKind.CONTENT;
                case "error" -> EventKind.ERROR;
                default -> EventKind.OTHER;
            };
        }
    };

    enum EventKind { CONTENT, ERROR, OTHER }

    static StreamDialect forPath(String path) {
        if (path.endsWith("/chat/completions")) {
            return CHAT_COMPLETIONS;
        }
        if (path.endsWith("/responses")) {
            return RESPONSES;
        }
        if (path.endsWith("/messages")) {
            return MESSAGES;
        }
        throw new UsageException("no known stream format for path " + path
                + " (expected .../chat/completions, .../responses or .../messages)");
    }

    /** An event whose data is not valid JSON is an error: no client could use it. */
    EventKind classify(SseEvent event) {
        try {
            return classifyParsed(event);
        } catch (JacksonException e) {
            return EventKind.ERROR;
        }
    }

    abstract EventKind classifyParsed(SseEvent event);

    /** The {@code event:} name when present (no JSON parsing needed), else the payload's {@code type}. */
    private static String typeOf(SseEvent event) {
        return event.name() != null ? event.name() : Json.MAPPER.readTree(event.data()).path("type").asString("");
    }
}
