package dev.meridian.gateway.error;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.json.Json;
import org.jspecify.annotations.Nullable;

/** Renders the OpenAI error envelope {@code {"error":{"message","type","param","code"}}}. */
public final class OpenAiErrorBody {

	private OpenAiErrorBody() {
	}

	public static byte[] of(GatewayException error) {
		return of(error.getMessage(), error.type(), error.param(), error.code());
	}

	public static byte[] of(@Nullable String message, String type, @Nullable String param, @Nullable String code) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(160);
		out.writeBytes(ascii("{\"error\":{\"message\":"));
		out.writeBytes(Json.quoted(message == null ? "" : message));
		out.writeBytes(ascii(",\"type\":"));
		out.writeBytes(Json.quoted(type));
		out.writeBytes(ascii(",\"param\":"));
		out.writeBytes(param == null ? ascii("null") : Json.quoted(param));
		out.writeBytes(ascii(",\"code\":"));
		out.writeBytes(code == null ? ascii("null") : Json.quoted(code));
		out.writeBytes(ascii("}}"));
		return out.toByteArray();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
