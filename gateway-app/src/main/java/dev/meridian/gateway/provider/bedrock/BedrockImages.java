package dev.meridian.gateway.provider.bedrock;

import java.util.Locale;
import java.util.Map;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an OpenAI {@code image_url} into a Converse image block. Converse takes image bytes (or an
 * S3 location), never an http(s) URL to fetch, so only base64 data URLs can be carried; the bytes
 * travel as the same base64 text, which is how Bedrock's JSON protocol writes a blob.
 */
final class BedrockImages {

	private static final Map<String, String> FORMATS_BY_MEDIA_TYPE = Map.of("image/png", "png", "image/jpeg", "jpeg",
			"image/jpg", "jpeg", "image/gif", "gif", "image/webp", "webp");

	private BedrockImages() {
	}

	/** Accepts both {@code {"url": ...}} and the bare string some clients send. */
	static ObjectNode toBlock(JsonNode imageUrl, String where) {
		String url = (imageUrl.isObject() ? imageUrl.path("url") : imageUrl).asString("");
		if (!url.startsWith("data:")) {
			throw GatewayException.unsupportedValue(where + ": Bedrock accepts images only as base64 data URLs"
					+ " (data:image/png;base64,...); it cannot fetch an image from a URL");
		}
		int comma = url.indexOf(',');
		String header = comma < 0 ? "" : url.substring("data:".length(), comma).toLowerCase(Locale.ROOT);
		if (!header.endsWith(";base64")) {
			throw GatewayException.invalidValue(where + ": image data URLs must be base64 encoded");
		}
		String mediaType = header.substring(0, header.indexOf(';'));
		String format = FORMATS_BY_MEDIA_TYPE.get(mediaType);
		if (format == null) {
			throw GatewayException.unsupportedValue(where + ": image type '" + mediaType
					+ "' is not supported by Bedrock; use png, jpeg, gif or webp");
		}
		ObjectNode block = JsonNodeFactory.instance.objectNode();
		ObjectNode image = block.putObject("image");
		image.put("format", format);
		image.putObject("source").put("bytes", url.substring(comma + 1));
		return block;
	}

}
