package dev.meridian.gateway.provider.bedrock;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error as Meridian reports it to an OpenAI-format client.
 *
 * @param status the HTTP status Meridian answers with
 * @param type the OpenAI envelope's {@code error.type}
 * @param code the OpenAI envelope's {@code error.code}, which tells errors of one type apart
 * @param message a human-readable message
 * @param retryable whether another attempt (on this or another deployment) may succeed
 */
public record OpenAiError(int status, String type, String code, String message, boolean retryable) {

	/** Renders {@code {"error":{"message","type","param":null,"code"}}}. */
	public ObjectNode toEnvelope() {
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		ObjectNode error = envelope.putObject("error");
		error.put("message", this.message);
		error.put("type", this.type);
		error.putNull("param");
		error.put("code", this.code);
		return envelope;
	}

}
