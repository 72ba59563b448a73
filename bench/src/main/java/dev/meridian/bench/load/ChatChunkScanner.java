package dev.meridian.bench.load;

import dev.meridian.bench.load.StreamDialect.EventKind;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Classifies a {@code chat.completion.chunk} by walking its tokens instead of building a tree:
 * content when {@code choices[0].delta.content} is a non-empty string, error when the chunk has a
 * top-level {@code error}. Every chunk of every chat stream passes through here.
 */
final class ChatChunkScanner {

    private ChatChunkScanner() {
    }

    static EventKind scan(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return EventKind.ERROR;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("error")) {
                return EventKind.ERROR;
            }
            if (name.equals("choices") && value == JsonToken.START_ARRAY) {
                return parser.nextToken() == JsonToken.START_OBJECT ? scanChoice(parser) : EventKind.OTHER;
            }
            parser.skipChildren();
        }
        return EventKind.OTHER;
    }

    private static EventKind scanChoice(JsonParser parser) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("delta") && value == JsonToken.START_OBJECT) {
                return scanDelta(parser);
            }
            parser.skipChildren();
        }
        return EventKind.OTHER;
    }

    private static EventKind scanDelta(JsonParser parser) {
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("content")) {
                return value == JsonToken.VALUE_STRING && parser.getStringLength() > 0
                        ? EventKind.CONTENT
                        : EventKind.OTHER;
            }
            parser.skipChildren();
        }
        return EventKind.OTHER;
    }
}
