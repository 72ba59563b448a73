package dev.meridian.gateway.sse;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The fields of one server-sent event that providers use: its {@code event} name, if any, and its
 * {@code data}, with several data lines joined by newlines as the SSE specification says.
 */
public record ServerSentEvent(@Nullable String event, String data) {

	public static ServerSentEvent parse(byte[] bytes, int start, int end) {
		String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		String event = null;
		StringBuilder data = null;
		for (String line : text.split("\r?\n")) {
			if (line.startsWith("event:")) {
				event = value(line, 6);
			}
			else if (line.startsWith("data:")) {
				data = (data == null) ? new StringBuilder() : data.append('\n');
				data.append(value(line, 5));
			}
		}
		return new ServerSentEvent(event, data == null ? "" : data.toString());
	}

	/** Comments and keep-alives carry no data. */
	public boolean hasData() {
		return !data.isEmpty();
	}

	private static String value(String line, int nameLength) {
		return (line.length() > nameLength && line.charAt(nameLength) == ' ') ? line.substring(nameLength + 1)
				: line.substring(nameLength);
	}

}
