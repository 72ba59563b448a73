package dev.meridian.gateway.sse;

import java.util.Arrays;

/**
 * Cuts a server-sent-events byte stream into whole events. Network reads split events anywhere;
 * the splitter holds back only the incomplete tail of the last event, never a complete one.
 */
public final class SseEventSplitter {

	/** Receives each complete event: {@code bytes[start, end)}, including its blank-line terminator. */
	public interface EventSink {

		void onEvent(byte[] bytes, int start, int end);

	}

	private static final byte[] EMPTY = new byte[0];

	private byte[] pending = EMPTY;

	public void feed(byte[] chunk, EventSink sink) {
		byte[] buffer = chunk;
		if (pending.length > 0) {
			buffer = Arrays.copyOf(pending, pending.length + chunk.length);
			System.arraycopy(chunk, 0, buffer, pending.length, chunk.length);
		}
		int eventStart = 0;
		int i = 0;
		while (i < buffer.length) {
			int end = terminatorEnd(buffer, i);
			if (end > 0) {
				sink.onEvent(buffer, eventStart, end);
				eventStart = end;
				i = end;
			}
			else {
				i++;
			}
		}
		pending = (eventStart == buffer.length) ? EMPTY : Arrays.copyOfRange(buffer, eventStart, buffer.length);
	}

	/** The incomplete tail left when the stream ended, possibly empty. */
	public byte[] remainder() {
		return pending;
	}

	/** If a blank line (LF LF or LF CR LF) starts at {@code i}, the offset just past it; else -1. */
	private static int terminatorEnd(byte[] b, int i) {
		if (b[i] != '\n' || i + 1 >= b.length) {
			return -1;
		}
		if (b[i + 1] == '\n') {
			return i + 2;
		}
		if (b[i + 1] == '\r' && i + 2 < b.length && b[i + 2] == '\n') {
			return i + 3;
		}
		return -1;
	}

}
