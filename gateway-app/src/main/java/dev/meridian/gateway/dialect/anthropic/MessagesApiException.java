package dev.meridian.gateway.dialect.anthropic;

import tools.jackson.databind.node.ObjectNode;

/** A Messages API request Meridian cannot serve, or an upstream answer it cannot express, with its status. */
public final class MessagesApiException extends RuntimeException {

	private final int status;

	public MessagesApiException(int status, String message) {
		super(message);
		this.status = status;
	}

	static MessagesApiException invalidRequest(String message) {
		return new MessagesApiException(400, message);
	}

	public int status() {
		return this.status;
	}

	/** The body to answer with. */
	public ObjectNode toEnvelope() {
		return AnthropicErrorEnvelope.of(this.status, getMessage());
	}

}
