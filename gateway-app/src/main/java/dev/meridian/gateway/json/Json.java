package dev.meridian.gateway.json;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** The streaming JSON factory shared by the scanners, and JSON string quoting. */
public final class Json {

	private static final JsonFactory FACTORY = new JsonFactory();

	private Json() {
	}

	public static JsonParser parser(byte[] bytes, int offset, int length) {
		return FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length);
	}

	/** The UTF-8 bytes of {@code value} as a JSON string literal, quotes included. */
	public static byte[] quoted(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString().getBytes(StandardCharsets.UTF_8);
	}

}
