package dev.meridian.gateway.error;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the client is told about: the status and the fields of the OpenAI error envelope
 * {@code {"error":{"message","type","param","code"}}}. Carries no stack trace: it is an answer, not
 * a bug.
 */
public class GatewayException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final @Nullable String code;

	private final @Nullable String param;

	public GatewayException(HttpStatus status, String type, @Nullable String code, @Nullable String param,
			String message) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
	}

	/** For a status that may not be one of Spring's constants (a provider's 529, say): 502 then. */
	public static GatewayException of(int status, String type, @Nullable String code, String message) {
		HttpStatus resolved = HttpStatus.resolve(status);
		return new GatewayException(resolved == null ? HttpStatus.BAD_GATEWAY : resolved, type, code, null, message);
	}

	public static GatewayException invalidRequest(String message, @Nullable String param) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", null, param, message);
	}

	public static GatewayException invalidJson(String detail) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", "invalid_json", null,
				"The request body is not valid JSON: " + detail);
	}

	public static GatewayException missingKey() {
		return new GatewayException(HttpStatus.UNAUTHORIZED, "invalid_request_error", "missing_api_key", null,
				"You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.");
	}

	public static GatewayException invalidKey() {
		return new GatewayException(HttpStatus.UNAUTHORIZED, "invalid_request_error", "invalid_api_key", null,
				"Incorrect API key provided.");
	}

	public static GatewayException modelNotFound(String model) {
		return new GatewayException(HttpStatus.NOT_FOUND, "invalid_request_error", "model_not_found", "model",
				"The model '" + model + "' does not exist or you do not have access to it.");
	}

	public static GatewayException bodyTooLarge(long limitBytes) {
		return new GatewayException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request_error", "request_too_large", null,
				"The request body is larger than the limit of " + limitBytes + " bytes.");
	}

	public static GatewayException upstreamUnreachable(String deployment, String why) {
		return new GatewayException(HttpStatus.BAD_GATEWAY, "upstream_error", "upstream_unreachable", null,
				"The provider for " + deployment + " could not be reached: " + why);
	}

	public static GatewayException upstreamTimeout(String deployment, String what) {
		return new GatewayException(HttpStatus.GATEWAY_TIMEOUT, "timeout_error", "upstream_timeout", null,
				"The provider for " + deployment + " did not answer in time: " + what);
	}

	public HttpStatus status() {
		return status;
	}

	public String type() {
		return type;
	}

	public @Nullable String code() {
		return code;
	}

	public @Nullable String param() {
		return param;
	}

}
