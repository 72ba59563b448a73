package dev.meridian.gateway.provider.bedrock;

import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns an OpenAI message {@code content} (a string or an array of parts) into Converse content blocks. */
final class BedrockContentBlocks {

	private BedrockContentBlocks() {
	}

	/**
	 * @param imagesAllowed whether this place takes images: Bedrock accepts them in user turns and
	 * tool results, not in system prompts or assistant turns
	 */
	static List<ObjectNode> fromContent(JsonNode content, String where, boolean imagesAllowed) {
		List<ObjectNode> blocks = new ArrayList<>();
		if (content.isString()) {
			addText(blocks, content.stringValue());
			return blocks;
		}
		if (content.isMissingNode() || content.isNull()) {
			return blocks;
		}
		if (!content.isArray()) {
			throw GatewayException.invalidValue(where + ".content must be a string or an array of content parts");
		}
		for (int i = 0; i < content.size(); i++) {
			JsonNode part = content.get(i);
			String partWhere = where + ".content[" + i + "]";
			String type = part.path("type").asString("");
			switch (type) {
				case "text" -> addText(blocks, part.path("text").asString(""));
				// An assistant message echoed back from an earlier answer may carry its refusal as a part.
				case "refusal" -> addText(blocks, part.path("refusal").asString(""));
				case "image_url" -> {
					if (!imagesAllowed) {
						throw GatewayException
							.unsupportedValue(partWhere + ": Bedrock accepts images only in user messages");
					}
					blocks.add(BedrockImages.toBlock(part.path("image_url"), partWhere));
				}
				default -> throw GatewayException.unsupportedValue(partWhere + ".type '" + type
						+ "' is not supported by Bedrock; use text or image_url");
			}
		}
		return blocks;
	}

	static ObjectNode text(String text) {
		return JsonNodeFactory.instance.objectNode().put("text", text);
	}

	/** Bedrock rejects a blank text block, and it carries nothing. */
	private static void addText(List<ObjectNode> blocks, String text) {
		if (!text.isBlank()) {
			blocks.add(text(text));
		}
	}

}
