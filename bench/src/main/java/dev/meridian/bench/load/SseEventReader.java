package dev.meridian.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into server-sent events. Bytes may arrive split anywhere, so an incomplete
 * event is kept until the blank line that ends it arrives. Lines are read straight from the bytes:
 * this runs for every chunk of every stream and must stay cheap.
 */
final class SseEventReader {

    private final ByteBuf pending = Unpooled.buffer(1024);

    void feed(ByteBuf bytes, Consumer<SseEvent> consumer) {
        pending.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes());
        int end;
        while ((end = endOfEvent()) >= 0) {
            SseEvent event = parse(pending.readerIndex(), end);
            pending.readerIndex(end);
            if (event != null) {
                consumer.accept(event);
            }
        }
        pending.discardReadBytes();
    }

    /** Index just past the blank line that ends the first complete event, or -1. */
    private int endOfEvent() {
        int limit = pending.writerIndex();
        for (int i = pending.readerIndex(); i < limit; i++) {
            if (pending.getByte(i) != '\n') {
                continue;
            }
            int next = i + 1;
            if (next < limit && pending.getByte(next) == '\r') {
                next++;
            }
            if (next < limit && pending.getByte(next) == '\n') {
                return next + 1;
            }
        }
        return -1;
    }

    /** Reads the event and data fields; a block with neither (a comment or keep-alive) yields null. */
    private SseEvent parse(int start, int end) {
        String name = null;
        StringBuilder data = null;
        int lineStart = start;
        while (lineStart < end) {
            int newline = pending.indexOf(lineStart, end, (byte) '\n');
            int lineEnd = newline < 0 ? end : newline;
            if (lineEnd > lineStart && pending.getByte(lineEnd - 1) == '\r') {
                lineEnd--;
            }
            if (startsWith(lineStart, lineEnd, "data:")) {
                String value = valueOf(lineStart + 5, lineEnd);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (startsWith(lineStart, lineEnd, "event:")) {
                name = valueOf(lineStart + 6, lineEnd);
            }
            lineStart = newline < 0 ? end : newline + 1;
        }
        if (name == null && data == null) {
            return null;
        }
        return new SseEvent(name, data == null ? "" : data.toString());
    }

    private boolean startsWith(int from, int to, String field) {
        if (to - from < field.length()) {
            return false;
        }
        for (int i = 0; i < field.length(); i++) {
            if (pending.getByte(from + i) != field.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The SSE format allows one space after the colon, which is not part of the value. */
    private String valueOf(int from, int to) {
        if (from < to && pending.getByte(from) == ' ') {
            from++;
        }
        return pending.toString(from, to - from, StandardCharsets.UTF_8);
    }
}
