package dev.meridian.gateway.provider.gemini;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a failed Gemini call ({@code {"error":{"code","message","status","details"}}}) to the
 * OpenAI error envelope and the status Meridian answers with.
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

	/** What Meridian answers the client, and whether another attempt may succeed. */
	public record MappedError(int status, boolean retryable, ObjectNode body) {
	}

	private record Rule(int status, String type, String code, boolean retryable) {
	}

	private static final Rule INVALID_API_KEY = new Rule(401, "authentication_error", "invalid_api_key", false);
	private static final Rule INVALID_REQUEST = new Rule(400, "invalid_request_error", "invalid_request", false);
	private static final Rule PERMISSION_DENIED = new Rule(403, "permission_error", "permission_denied", false);
	private static final Rule NOT_FOUND = new Rule(404, "not_found_error", "not_found", false);
	private static final Rule RATE_LIMITED = new Rule(429, "rate_limit_error", "rate_limit_exceeded", true);
	private static final Rule UPSTREAM_ERROR = new Rule(502, "api_error", "upstream_error", true);
	private static final Rule UNAVAILABLE = new Rule(503, "api_error", "upstream_unavailable", true);
	private static final Rule TIMEOUT = new Rule(504, "timeout_error", "upstream_timeout", true);

	private static final Map<String, Rule> BY_GEMINI_STATUS = Map.of(
			"INVALID_ARGUMENT", INVALID_REQUEST,
			"FAILED_PRECONDITION", new Rule(400, "invalid_request_error", "failed_precondition", false),
			"UNAUTHENTICATED", INVALID_API_KEY,
			"PERMISSION_DENIED", PERMISSION_DENIED,
			"NOT_FOUND", NOT_FOUND,
			"RESOURCE_EXHAUSTED", RATE_LIMITED,
			"INTERNAL", UPSTREAM_ERROR,
			"UNAVAILABLE", UNAVAILABLE,
			"DEADLINE_EXCEEDED", TIMEOUT);

	private GeminiErrors() {
	}

	public static MappedError toOpenAiError(int httpStatus, @Nullable String responseBody) {
		JsonNode error = errorOf(responseBody);
		String geminiStatus = error.path("status").asString("");
		Rule rule = hasApiKeyInvalidReason(error)
				? INVALID_API_KEY
				: BY_GEMINI_STATUS.getOrDefault(geminiStatus, byHttpStatus(httpStatus));
		String detail = error.path("message").asString("");
		String message = "Gemini " + (geminiStatus.isEmpty() ? "HTTP " + httpStatus : geminiStatus)
				+ (detail.isEmpty() ? "" : ": " + detail);
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.putObject("error")
				.put("message", message)
				.put("type", rule.type())
				.putNull("param")
				.put("code", rule.code());
		return new MappedError(rule.status(), rule.retryable(), body);
	}

	/** Gemini's stream endpoint without {@code alt=sse} wraps the error in a one-element array. */
	private static JsonNode errorOf(String responseBody) {
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

	private static Rule byHttpStatus(int httpStatus) {
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
