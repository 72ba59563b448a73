package dev.meridian.gateway.proxy;

import tools.jackson.databind.JsonNode;

/**
 * A local estimate of a request's input tokens, for models whose provider offers no counting
 * endpoint: about four characters of text per token (the usual ratio for English with BPE
 * tokenizers), plus a few tokens of framing per message.
 */
final class TokenEstimate {

	private static final int CHARACTERS_PER_TOKEN = 4;

	private static final int TOKENS_PER_MESSAGE = 3;

	/** What an inline image or file counts for when checking context windows: about a large image's tokens. */
	private static final int INLINE_MEDIA_TOKENS = 1_600;

	private TokenEstimate() {
	}

	/**
	 * An upper bound from the size of the request body alone, for a rate limit that is nearly
	 * reached: free to compute, and JSON framing only makes it larger.
	 */
	static long fromBodySize(int bodyBytes) {
		return (bodyBytes + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
	}

	/** Counts the text of {@code system}, {@code messages} and {@code tools} of a Messages request. */
	static long inputTokens(JsonNode messagesRequest) {
		long characters = textLength(messagesRequest.path("system")) + textLength(messagesRequest.path("tools"));
		JsonNode messages = messagesRequest.path("messages");
		for (JsonNode message : messages) {
			characters += textLength(message.path("content"));
		}
		long tokens = (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
		return tokens + (long) TOKENS_PER_MESSAGE * (messages.size() + 1);
	}

	/**
	 * The prompt of a request of any client API, for checking it against context windows: every
	 * string of the request, except that an inline image or file (a {@code data:} URL, a base64
	 * {@code data} field) counts as a large image rather than by its size.
	 */
	static long promptTokens(JsonNode request) {
		long[] media = new long[1];
		long characters = promptLength(request, media);
		long tokens = (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
		return tokens + media[0] * INLINE_MEDIA_TOKENS + (long) TOKENS_PER_MESSAGE * (request.path("messages").size() + 1);
	}

	private static long promptLength(JsonNode node, long[] media) {
		if (node.isString()) {
			if (node.asString().startsWith("data:")) {
				media[0]++;
				return 0;
			}
			return node.asString().length();
		}
		long length = 0;
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				JsonNode value = node.get(name);
				if ("data".equals(name) && value.isString()) {
					media[0]++;
				}
				else {
					length += name.length() + promptLength(value, media);
				}
			}
			return length;
		}
		for (JsonNode child : node) {
			length += promptLength(child, media);
		}
		return length;
	}

	/** The length of every string in the tree; images count by their size too, a rough upper bound. */
	private static long textLength(JsonNode node) {
		if (node.isString()) {
			return node.asString().length();
		}
		long length = 0;
		for (JsonNode child : node) {
			length += textLength(child);
		}
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				length += name.length();
			}
		}
		return length;
	}

}
