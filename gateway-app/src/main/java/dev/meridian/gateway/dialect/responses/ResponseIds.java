package dev.meridian.gateway.dialect.responses;

import java.util.UUID;

/**
 * The ids of one response and of its output items, all derived from the chat completion id so
 * logs on both sides can be matched. Item ids end with the item's output index, which makes
 * them unique within the response.
 */
final class ResponseIds {

	private static final String CHAT_ID_PREFIX = "chatcmpl-";

	private final String suffix;

	/** An upstream that sends no id gets a random one: Responses clients expect ids. */
	ResponseIds(String chatId) {
		String suffix = chatId.startsWith(CHAT_ID_PREFIX) ? chatId.substring(CHAT_ID_PREFIX.length()) : chatId;
		this.suffix = suffix.isEmpty() ? UUID.randomUUID().toString().replace("-", "") : suffix;
	}

	String response() {
		return "resp_" + this.suffix;
	}

	String message(int outputIndex) {
		return "msg_" + this.suffix + "_" + outputIndex;
	}

	String functionCall(int outputIndex) {
		return "fc_" + this.suffix + "_" + outputIndex;
	}

	/** For a tool call the upstream left without an id; the client needs one to answer the call. */
	String callId(int outputIndex) {
		return "call_" + this.suffix + "_" + outputIndex;
	}

}
