package dev.meridian.gateway.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the client is told about: the status and the fields of the OpenAI error envelope
 * {@code {"error":{"message","type","param","code"}}}, and whether another deployment may succeed
 * where this one failed. Carries no stack trace: it is an answer, not a bug.
 */
public class GatewayException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final @Nullable String code;

	private final @Nullable String param;

	private final boolean retryable;

	private final @Nullable Duration retryAfter;

	/** Retryable as its status says: a rate limit or a server failure, not a request at fault. */
	public GatewayException(HttpStatus status, String type, @Nullable String code, @Nullable String param,
			String message) {
		this(status, type, code, param, message, status == HttpStatus.TOO_MANY_REQUESTS || status.is5xxServerError());
	}

	public GatewayException(HttpStatus status, String type, @Nullable String code, @Nullable String param,
			String message, boolean retryable) {
		this(status, type, code, param, message, retryable, null);
	}

	private GatewayException(HttpStatus status, String type, @Nullable String code, @Nullable String param,
			String message, boolean retryable, @Nullable Duration retryAfter) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/** The same error, with how long the provider asked to be left alone ({@code retry-after}). */
	public GatewayException withRetryAfter(Duration delay) {
		return new GatewayException(status, type, code, param, getMessage(), retryable, delay);
	}

	/** For a status that may not be one of Spring's constants (a provider's 529, say): 502 then. */
	public static GatewayException of(int status, String type, @Nullable String code, String message) {
		return new GatewayException(resolve(status), type, code, null, message);
	}

	/** As {@link #of(int, String, String, String)}, retryable as a provider's error table says. */
	public static GatewayException of(int status, String type, @Nullable String code, String message,
			boolean retryable) {
		return new GatewayException(resolve(status), type, code, null, message, retryable);
	}

	public static GatewayException invalidRequest(String message) {
		return invalidRequest(message, null);
	}

	public static GatewayException invalidRequest(String message, @Nullable String param) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", null, param, message);
	}

	/** A value the API accepts in general but not here, or not in this form. */
	public static GatewayException invalidValue(String message) {
		return invalidValue(message, null);
	}

	public static GatewayException invalidValue(String message, @Nullable String param) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", "invalid_value", param, message);
	}

	/** A value OpenAI accepts that the model's provider cannot honour, such as a built-in tool. */
	public static GatewayException unsupportedValue(String message) {
		return unsupportedValue(message, null);
	}

	public static GatewayException unsupportedValue(String message, @Nullable String param) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", "unsupported_value", param,
				message);
	}

	/** A parameter OpenAI accepts that needs OpenAI itself, such as stored conversation state. */
	public static GatewayException unsupportedParameter(String message, String param) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", "unsupported_parameter", param,
				message);
	}

	public static GatewayException missingParameter(String param) {
		return new GatewayException(HttpStatus.BAD_REQUEST, "invalid_request_error", "missing_required_parameter",
				param, "Missing required parameter: '" + param + "'.");
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

	public static GatewayException keyExpired() {
		return new GatewayException(HttpStatus.UNAUTHORIZED, "invalid_request_error", "invalid_api_key", null,
				"This API key has expired.");
	}

	/** 403: the model exists, but the key or its team may not use it. */
	public static GatewayException modelNotAllowed(String model) {
		return new GatewayException(HttpStatus.FORBIDDEN, "permission_error", "model_not_allowed", "model",
				"This API key is not allowed to use the model '" + model + "'.");
	}

	/** 429 for a key's or team's rpm or tpm limit; the client may retry after the {@code retry-after} it got. */
	public static GatewayException rateLimited(String message) {
		return new GatewayException(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_error", "rate_limit_exceeded", null,
				message, false);
	}

	/** 429 that no retry will cure before the budget period ends. */
	public static GatewayException budgetExceeded(String whose, String period) {
		return new GatewayException(HttpStatus.TOO_MANY_REQUESTS, "insufficient_quota", "budget_exceeded", null,
				"The " + whose + " has reached its " + period + " budget.", false);
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

	/** Whether another attempt, on this deployment or the next, may succeed. */
	public boolean retryable() {
		return retryable;
	}

	/** How long the provider asked to be left alone, when its answer said so. */
	public @Nullable Duration retryAfter() {
		return retryAfter;
	}

	private static HttpStatus resolve(int status) {
		HttpStatus resolved = HttpStatus.resolve(status);
		return resolved == null ? HttpStatus.BAD_GATEWAY : resolved;
	}

}
