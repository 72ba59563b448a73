package dev.meridian.gateway.provider.anthropic;

import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns the content of an OpenAI message (a string or an array of parts) into Anthropic content blocks. */
final class AnthropicContentBlocks {

	private static final String DATA_URL_PREFIX = "data:";

	private static final String BASE64_MARKER = ";base64";

	private AnthropicContentBlocks() {
	}

	/**
	 * Converts message content. Empty text is dropped because Anthropic rejects empty text blocks.
	 * @param where the location used in error messages, e.g. {@code messages[2]}
	 * @param imagesAllowed whether {@code image_url} parts may appear (only user turns carry images)
	 */
	static List<ObjectNode> fromContent(JsonNode content, String where, boolean imagesAllowed) {
		List<ObjectNode> blocks = new ArrayList<>();
		if (content.isString()) {
			addText(blocks, content.stringValue(), null);
			return blocks;
		}
		if (content.isNull() || content.isMissingNode()) {
			return blocks;
		}
		if (!content.isArray()) {
			throw GatewayException.invalidRequest(where + ".content must be a string or an array of content parts");
		}
		for (int i = 0; i < content.size(); i++) {
			JsonNode part = content.get(i);
			String partWhere = where + ".content[" + i + "]";
			String type = part.path("type").asString("");
			switch (type) {
				case "text" -> addText(blocks, part.path("text").asString(""), part.get("cache_control"));
				// An assistant turn that was refused comes back as a refusal part; it is still what was said.
				case "refusal" -> addText(blocks, part.path("refusal").asString(""), null);
				case "image_url" -> {
					if (!imagesAllowed) {
						throw GatewayException.invalidRequest(partWhere + ": images are only supported in user messages");
					}
					blocks.add(image(part, partWhere));
				}
				default -> throw GatewayException
					.invalidRequest(partWhere + ": content part type '" + type + "' is not supported by Anthropic models");
			}
		}
		return blocks;
	}

	static ObjectNode text(String text) {
		ObjectNode block = JsonNodeFactory.instance.objectNode();
		block.put("type", "text");
		block.put("text", text);
		return block;
	}

	private static void addText(List<ObjectNode> blocks, String text, @Nullable JsonNode cacheControl) {
		if (text.isEmpty()) {
			return;
		}
		ObjectNode block = text(text);
		copyCacheControl(cacheControl, block);
		blocks.add(block);
	}

	/** {@code data:} URLs become base64 sources; http(s) URLs are fetched by Anthropic itself. */
	private static ObjectNode image(JsonNode part, String where) {
		JsonNode imageUrl = part.path("image_url");
		// The object form is standard; some clients send the URL as a bare string.
		String url = imageUrl.isString() ? imageUrl.stringValue() : imageUrl.path("url").asString("");
		ObjectNode block = JsonNodeFactory.instance.objectNode();
		block.put("type", "image");
		ObjectNode source = block.putObject("source");
		if (url.startsWith(DATA_URL_PREFIX)) {
			int comma = url.indexOf(',');
			String meta = comma < 0 ? "" : url.substring(DATA_URL_PREFIX.length(), comma);
			if (comma < 0 || !meta.endsWith(BASE64_MARKER)) {
				throw GatewayException.invalidRequest(where + ": image data URLs must be base64-encoded");
			}
			int parameters = meta.indexOf(';');
			source.put("type", "base64");
			source.put("media_type", meta.substring(0, parameters));
			source.put("data", url.substring(comma + 1));
		}
		else if (url.startsWith("https://") || url.startsWith("http://")) {
			source.put("type", "url");
			source.put("url", url);
		}
		else {
			throw GatewayException
				.invalidRequest(where + ": image_url.url must be an http(s) URL or a base64 data URL");
		}
		copyCacheControl(part.get("cache_control"), block);
		return block;
	}

	/** Prompt caching markers some OpenAI clients put on parts are honoured rather than lost. */
	private static void copyCacheControl(@Nullable JsonNode cacheControl, ObjectNode block) {
		if (cacheControl != null && cacheControl.isObject()) {
			block.set("cache_control", cacheControl);
		}
	}

}
