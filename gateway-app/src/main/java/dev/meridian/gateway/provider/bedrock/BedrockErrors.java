package dev.meridian.gateway.provider.bedrock;

import java.util.Locale;
import java.util.Map;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ErrorRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Maps a Bedrock error to the error Meridian returns. Bedrock names the error in the
 * {@code x-amzn-ErrorType} header ({@code ThrottlingException}, sometimes followed by
 * {@code :<namespace>}) and explains it in a JSON body {@code {"message": ...}}; in a stream it
 * arrives as an exception message whose {@code :exception-type} is the same name in lower camel
 * case ({@code throttlingException}).
 *
 * <pre>
 * Bedrock error (its HTTP)                 Meridian  type                   code                     retryable
 * ValidationException (400)                400       invalid_request_error  invalid_request          no
 * ThrottlingException (429)                429       rate_limit_error       rate_limit_exceeded      yes
 * ServiceQuotaExceededException (400)      429       rate_limit_error       rate_limit_exceeded      yes
 * AccessDeniedException (403)              502       api_error              upstream_access_denied   yes
 * UnrecognizedClientException (403),
 *   InvalidSignatureException (403),
 *   ExpiredTokenException (403)            502       api_error              upstream_auth_failed     yes
 * ResourceNotFoundException (404)          502       api_error              upstream_model_not_found yes
 * ModelTimeoutException (408)              504       timeout_error          upstream_timeout         yes
 * ModelNotReadyException (429)             503       api_error              model_not_ready          yes
 * ServiceUnavailableException (503)        503       api_error              upstream_unavailable     yes
 * InternalServerException (500)            502       api_error              upstream_error           yes
 * ModelErrorException (424),
 *   ModelStreamErrorException (424)        502       api_error              upstream_model_error     yes
 * </pre>
 *
 * Access, credential and missing-model errors concern the operator's AWS account and the configured
 * model id, not the client's request, so the client sees an upstream failure (502) and another
 * deployment, with other credentials or in another region, is worth trying. ModelNotReadyException
 * is Bedrock's 429 for a model still loading, not a rate limit of the caller. ServiceQuotaExceeded
 * is a quota of the account, which a later attempt or another account may not hit. An error without
 * a known name (a proxy's HTML page, an empty body) is judged by its HTTP status: 400 as
 * ValidationException, 401 and 403 as an authentication failure, 404, 408, 413, 424, 429, 503 and
 * 504 as their rows or their OpenAI meaning, any other 4xx as invalid_request_error with its own
 * status, anything else as 502. Retryable means worth another attempt here or on the next
 * deployment: 429 and every 5xx Meridian returns.
 */
public final class BedrockErrors {

	/** The response header that names the error. */
	public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

	private static final ErrorRule INVALID_REQUEST = new ErrorRule(400, "invalid_request_error", "invalid_request", false);

	private static final ErrorRule TOO_LARGE = new ErrorRule(413, "invalid_request_error", "request_too_large", false);

	private static final ErrorRule RATE_LIMITED = new ErrorRule(429, "rate_limit_error", "rate_limit_exceeded", true);

	private static final ErrorRule ACCESS_DENIED = new ErrorRule(502, "api_error", "upstream_access_denied", true);

	private static final ErrorRule AUTH_FAILED = new ErrorRule(502, "api_error", "upstream_auth_failed", true);

	private static final ErrorRule MODEL_NOT_FOUND = new ErrorRule(502, "api_error", "upstream_model_not_found", true);

	private static final ErrorRule TIMEOUT = new ErrorRule(504, "timeout_error", "upstream_timeout", true);

	private static final ErrorRule MODEL_NOT_READY = new ErrorRule(503, "api_error", "model_not_ready", true);

	private static final ErrorRule UNAVAILABLE = new ErrorRule(503, "api_error", "upstream_unavailable", true);

	private static final ErrorRule UPSTREAM_ERROR = new ErrorRule(502, "api_error", "upstream_error", true);

	private static final ErrorRule MODEL_ERROR = new ErrorRule(502, "api_error", "upstream_model_error", true);

	private static final ErrorRule MALFORMED_STREAM = new ErrorRule(502, "api_error", "upstream_malformed_stream", true);

	private static final Map<String, ErrorRule> BY_BEDROCK_NAME = Map.ofEntries(
			Map.entry("ValidationException", INVALID_REQUEST),
			Map.entry("ThrottlingException", RATE_LIMITED),
			Map.entry("ServiceQuotaExceededException", RATE_LIMITED),
			Map.entry("AccessDeniedException", ACCESS_DENIED),
			Map.entry("UnrecognizedClientException", AUTH_FAILED),
			Map.entry("InvalidSignatureException", AUTH_FAILED),
			Map.entry("ExpiredTokenException", AUTH_FAILED),
			Map.entry("ResourceNotFoundException", MODEL_NOT_FOUND),
			Map.entry("ModelTimeoutException", TIMEOUT),
			Map.entry("ModelNotReadyException", MODEL_NOT_READY),
			Map.entry("ServiceUnavailableException", UNAVAILABLE),
			Map.entry("InternalServerException", UPSTREAM_ERROR),
			Map.entry("ModelErrorException", MODEL_ERROR),
			Map.entry("ModelStreamErrorException", MODEL_ERROR));

	private BedrockErrors() {
	}

	/**
	 * Maps an error response.
	 * @param httpStatus the response status
	 * @param errorType the {@code x-amzn-ErrorType} header, or null when absent
	 * @param body the response body; may be anything, including empty or not JSON
	 */
	public static GatewayException fromResponse(int httpStatus, @Nullable String errorType, @Nullable String body) {
		JsonNode tree = parse(body);
		String name = errorName(errorType, tree);
		ErrorRule rule = BY_BEDROCK_NAME.getOrDefault(name, byHttpStatus(httpStatus));
		return rule.toError("Bedrock", name.isEmpty() ? "HTTP " + httpStatus : name, message(tree));
	}

	/**
	 * Maps an exception message received in the middle of a ConverseStream.
	 * @param exceptionType its {@code :exception-type}, e.g. {@code throttlingException}
	 * @param message the message Bedrock gave, possibly empty
	 */
	public static GatewayException fromStreamException(String exceptionType, String message) {
		String name = exceptionType.isEmpty() ? ""
				: exceptionType.substring(0, 1).toUpperCase(Locale.ROOT) + exceptionType.substring(1);
		ErrorRule rule = BY_BEDROCK_NAME.getOrDefault(name, UPSTREAM_ERROR);
		return rule.toError("Bedrock", name.isEmpty() ? "stream error" : name, message);
	}

	/** The stream's bytes or events do not follow the format: nothing more can be read from it. */
	static GatewayException malformedStream(String detail) {
		return MALFORMED_STREAM.toError("Bedrock", "stream is malformed", detail);
	}

	/** The message field of an error payload, which AWS spells either way. */
	static String message(JsonNode payload) {
		JsonNode message = payload.path("message");
		return (message.isString() ? message : payload.path("Message")).asString("");
	}

	/**
	 * {@code ValidationException:http://internal...} and {@code com.amazon.coral#ValidationException}
	 * name the same error.
	 */
	private static String errorName(@Nullable String errorType, JsonNode body) {
		String name = errorType != null && !errorType.isBlank() ? errorType : body.path("__type").asString("");
		int colon = name.indexOf(':');
		if (colon >= 0) {
			name = name.substring(0, colon);
		}
		return name.substring(name.lastIndexOf('#') + 1).trim();
	}

	private static JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JsonMapper.shared().readTree(body);
		}
		catch (JacksonException notJson) {
			// A proxy or load balancer in front of Bedrock can answer with HTML; the status still says enough.
			return MissingNode.getInstance();
		}
	}

	private static ErrorRule byHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 400 -> INVALID_REQUEST;
			case 401, 403 -> AUTH_FAILED;
			case 404 -> MODEL_NOT_FOUND;
			case 408, 504 -> TIMEOUT;
			case 413 -> TOO_LARGE;
			case 424 -> MODEL_ERROR;
			case 429 -> RATE_LIMITED;
			case 503 -> UNAVAILABLE;
			default -> httpStatus >= 400 && httpStatus < 500
					? new ErrorRule(httpStatus, INVALID_REQUEST.type(), INVALID_REQUEST.code(), false) : UPSTREAM_ERROR;
		};
	}

}
