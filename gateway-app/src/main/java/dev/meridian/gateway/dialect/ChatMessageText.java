package dev.meridian.gateway.dialect;

import tools.jackson.databind.JsonNode;

/** The text of an assistant's chat message, as every dialect shows it. */
public final class ChatMessageText {

	private ChatMessageText() {
	}

	/** The content, a string or text parts; a refusal is what the model said, so it is kept as text. */
	public static String of(JsonNode message) {
		JsonNode content = message.path("content");
		StringBuilder text = new StringBuilder();
		if (content.isString()) {
			text.append(content.stringValue());
		}
		else {
			for (JsonNode part : content) {
				text.append(part.path("text").asString(""));
			}
		}
		JsonNode refusal = message.path("refusal");
		if (text.isEmpty() && refusal.isString()) {
			text.append(refusal.stringValue());
		}
		return text.toString();
	}

}
