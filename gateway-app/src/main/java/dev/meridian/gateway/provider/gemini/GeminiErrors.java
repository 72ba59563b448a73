package dev.meridian.gateway.provider.gemini;

import java.util.Map;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ErrorRule;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Maps a failed Gemini call ({@code {"error":{"code","message","status","details"}}}) to the error
 * Meridian answers with.
 *
 * <pre>
 * Gemini status (its HTTP)                   Meridian  type                   code                  retry
 * INVALID_ARGUMENT + API_KEY_INVALID (400)   401       authentication_error   invalid_api_key       no
 * UNAUTHENTICATED (401)                      401       authentication_error   invalid_api_key       no
 * INVALID_ARGUMENT (400)                     400       invalid_request_error  invalid_request       no
 * FAILED_PRECONDITION (400)                  400       invalid_request_error  failed_precondition   no
 * PERMISSION_DENIED (403)                    403       permission_error       permission_denied     no
 * NOT_FOUND (404)                            404       not_found_error        not_found             no
 * RESOURCE_EXHAUSTED (429)                   429       rate_limit_error       rate_limit_exceeded   yes
 * INTERNAL (500)                             502       api_error              upstream_error        yes
 * UNAVAILABLE (503)                          503       api_error              upstream_unavailable  yes
 * DEADLINE_EXCEEDED (504)                    504       timeout_error          upstream_timeout      yes
 * </pre>
 *
 * A body without a known status (a proxy's HTML page, an empty body) is judged by the HTTP status
 * alone: 400, 401, 403, 404, 429, 503 and 504 as in the table, any other 4xx as 400, anything else
 * as 502. Gemini reports a bad API key as INVALID_ARGUMENT; it is told apart by the
 * {@code API_KEY_INVALID} reason in {@code details}. FAILED_PRECONDITION (billing or region not
 * enabled) cannot succeed on a retry of the same deployment.
 */
public final class GeminiErrors {

	private static final ErrorRule INVALID_API_KEY = new ErrorRule(401, "authentication_error", "invalid_api_key", false);
	private static final ErrorRule INVALID_REQUEST = new ErrorRule(400, "invalid_request_error", "invalid_request", false);
	private static final ErrorRule PERMISSION_DENIED = new ErrorRule(403, "permission_error", "permission_denied", false);
	private static final ErrorRule NOT_FOUND = new ErrorRule(404, "not_found_error", "not_found", false);
	private static final ErrorRule RATE_LIMITED = new ErrorRule(429, "rate_limit_error", "rate_limit_exceeded", true);
	private static final ErrorRule UPSTREAM_ERROR = new ErrorRule(502, "api_error", "upstream_error", true);
	private static final ErrorRule UNAVAILABLE = new ErrorRule(503, "api_error", "upstream_unavailable", true);
	private static final ErrorRule TIMEOUT = new ErrorRule(504, "timeout_error", "upstream_timeout", true);

	private static final Map<String, ErrorRule> BY_GEMINI_STATUS = Map.of(
			"INVALID_ARGUMENT", INVALID_REQUEST,
			"FAILED_PRECONDITION", new ErrorRule(400, "invalid_request_error", "failed_precondition", false),
			"UNAUTHENTICATED", INVALID_API_KEY,
			"PERMISSION_DENIED", PERMISSION_DENIED,
			"NOT_FOUND", NOT_FOUND,
			"RESOURCE_EXHAUSTED", RATE_LIMITED,
			"INTERNAL", UPSTREAM_ERROR,
			"UNAVAILABLE", UNAVAILABLE,
			"DEADLINE_EXCEEDED", TIMEOUT);

	private GeminiErrors() {
	}

	public static GatewayException fromResponse(int httpStatus, @Nullable String responseBody) {
		JsonNode error = errorOf(responseBody);
		String geminiStatus = error.path("status").asString("");
		ErrorRule rule = hasApiKeyInvalidReason(error)
				? INVALID_API_KEY
				: BY_GEMINI_STATUS.getOrDefault(geminiStatus, byHttpStatus(httpStatus));
		String detail = error.path("message").asString("");
		return rule.toError("Gemini", geminiStatus.isEmpty() ? "HTTP " + httpStatus : geminiStatus, detail);
	}

	/** Gemini's stream endpoint without {@code alt=sse} wraps the error in a one-element array. */
	private static JsonNode errorOf(@Nullable String responseBody) {
		try {
			JsonNode root = JsonMapper.shared().readTree(responseBody == null ? "" : responseBody);
			return (root.isArray() ? root.path(0) : root).path("error");
		} catch (JacksonException e) {
			return MissingNode.getInstance();
		}
	}

	private static boolean hasApiKeyInvalidReason(JsonNode error) {
		return error.path("details").values().stream()
				.anyMatch(detail -> detail.path("reason").asString("").equals("API_KEY_INVALID"));
	}

	private static ErrorRule byHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 401 -> INVALID_API_KEY;
			case 403 -> PERMISSION_DENIED;
			case 404 -> NOT_FOUND;
			case 429 -> RATE_LIMITED;
			case 503 -> UNAVAILABLE;
			case 504 -> TIMEOUT;
			default -> httpStatus >= 400 && httpStatus < 500 ? INVALID_REQUEST : UPSTREAM_ERROR;
		};
	}
}
