package dev.meridian.gateway.provider.gemini;

import java.util.Locale;
import java.util.Map;

import dev.meridian.gateway.error.GatewayException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an OpenAI {@code image_url} into a Gemini part: a base64 data URL travels inline, an
 * http(s) URL is handed to Gemini to fetch as {@code fileData}.
 */
final class GeminiImages {

	private static final String DEFAULT_MIME_TYPE = "image/jpeg";

	private static final Map<String, String> MIME_TYPES_BY_EXTENSION = Map.of(
			"jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp",
			"gif", "image/gif", "heic", "image/heic", "heif", "image/heif");

	private GeminiImages() {
	}

	/** Accepts both {@code {"url": ...}} and the bare string some clients send. */
	static ObjectNode toPart(JsonNode imageUrl) {
		String url = (imageUrl.isObject() ? imageUrl.path("url") : imageUrl).asString("");
		if (url.startsWith("data:")) {
			return inline(url);
		}
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("https://") || lower.startsWith("http://")) {
			ObjectNode fileData = JsonNodeFactory.instance.objectNode();
			fileData.putObject("fileData").put("mimeType", guessMimeType(lower)).put("fileUri", url);
			return fileData;
		}
		throw GatewayException.invalidValue("image_url must be an http(s) URL or a base64 data URL");
	}

	private static ObjectNode inline(String url) {
		int comma = url.indexOf(',');
		String header = comma < 0 ? "" : url.substring("data:".length(), comma);
		if (!header.endsWith(";base64")) {
			throw GatewayException.invalidValue("image_url data URLs must be base64 encoded");
		}
		String mimeType = header.substring(0, header.indexOf(';'));
		ObjectNode part = JsonNodeFactory.instance.objectNode();
		part.putObject("inlineData")
				.put("mimeType", mimeType.isEmpty() ? DEFAULT_MIME_TYPE : mimeType)
				.put("data", url.substring(comma + 1));
		return part;
	}

	private static String guessMimeType(String lowerCaseUrl) {
		String path = lowerCaseUrl.split("[?#]", 2)[0];
		String extension = path.substring(path.lastIndexOf('.') + 1);
		return MIME_TYPES_BY_EXTENSION.getOrDefault(extension, DEFAULT_MIME_TYPE);
	}
}
