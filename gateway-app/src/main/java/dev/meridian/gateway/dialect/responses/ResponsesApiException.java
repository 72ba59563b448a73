package dev.meridian.gateway.dialect.responses;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Responses API request that Meridian cannot serve for a non-OpenAI model, with the status, the
 * OpenAI error {@code code} and the request {@code param} at fault. Carries no stack trace: it is an
 * answer to the client, not a bug.
 */
public final class ResponsesApiException extends RuntimeException {

	private final int status;

	private final String code;

	private final @Nullable String param;

	private ResponsesApiException(int status, String code, @Nullable String param, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.param = param;
	}

	/** A parameter OpenAI accepts but that needs OpenAI itself, such as stored conversation state. */
	static ResponsesApiException unsupportedParameter(String param, String message) {
		return new ResponsesApiException(400, "unsupported_parameter", param, message);
	}

	/** A value OpenAI accepts but that no other model can honour, such as a built-in tool. */
	static ResponsesApiException unsupportedValue(String param, String message) {
		return new ResponsesApiException(400, "unsupported_value", param, message);
	}

	static ResponsesApiException invalidValue(String param, String message) {
		return new ResponsesApiException(400, "invalid_value", param, message);
	}

	static ResponsesApiException missingParameter(String param) {
		return new ResponsesApiException(400, "missing_required_parameter", param,
				"Missing required parameter: '" + param + "'.");
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public @Nullable String param() {
		return this.param;
	}

	/** The OpenAI error envelope {@code {"error":{"message","type","param","code"}}} to answer with. */
	public ObjectNode toErrorBody() {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", getMessage());
		error.put("type", "invalid_request_error");
		error.put("param", this.param);
		error.put("code", this.code);
		return body;
	}

}
