package dev.meridian.gateway.provider.anthropic;

import java.util.Map;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ErrorRule;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps an Anthropic error ({@code {"type":"error","error":{"type","message"}}} plus HTTP status) to
 * the error Meridian returns.
 *
 * <pre>
 * Anthropic error.type (its HTTP)   Meridian  type                   code                    retryable
 * invalid_request_error (400)       400       invalid_request_error  invalid_request         no
 * authentication_error (401)        401       authentication_error   invalid_api_key         no
 * permission_error (403)            403       permission_error       permission_denied       no
 * not_found_error (404)             404       not_found_error        not_found               no
 * request_too_large (413)           413       invalid_request_error  request_too_large       no
 * rate_limit_error (429)            429       rate_limit_error       rate_limit_exceeded     yes
 * billing_error (402)               502       api_error              upstream_billing_error  yes
 * api_error (500)                   502       api_error              upstream_error          yes
 * timeout_error (504)               504       timeout_error          upstream_timeout        yes
 * overloaded_error (529)            503       api_error              overloaded              yes
 * </pre>
 *
 * Anthropic also uses invalid_request_error for other 4xx statuses; those keep their status. A body
 * without a known type (a proxy's HTML page, an empty body, a type added later) is judged by the
 * HTTP status: the rows above by their HTTP status, 408 like 504, 503 like 529, any other 4xx as
 * invalid_request_error with its own status, anything else as api_error.
 * <p>
 * A billing problem is the operator's Anthropic account, not the client's request, so it reads as
 * an upstream failure that another deployment may not share. Anthropic's 500 becomes 502 because the
 * failure is upstream of Meridian; 529 is not a standard status, so clients see 503. Retryable means
 * worth another attempt here or on the next deployment: 429 and every 5xx Meridian returns.
 */
public final class AnthropicErrors {

	private static final ErrorRule INVALID_REQUEST = new ErrorRule(400, "invalid_request_error", "invalid_request", false);

	private static final ErrorRule INVALID_API_KEY = new ErrorRule(401, "authentication_error", "invalid_api_key", false);

	private static final ErrorRule PERMISSION_DENIED = new ErrorRule(403, "permission_error", "permission_denied", false);

	private static final ErrorRule NOT_FOUND = new ErrorRule(404, "not_found_error", "not_found", false);

	private static final ErrorRule TOO_LARGE = new ErrorRule(413, "invalid_request_error", "request_too_large", false);

	private static final ErrorRule RATE_LIMITED = new ErrorRule(429, "rate_limit_error", "rate_limit_exceeded", true);

	private static final ErrorRule UPSTREAM_ERROR = new ErrorRule(502, "api_error", "upstream_error", true);

	private static final ErrorRule TIMEOUT = new ErrorRule(504, "timeout_error", "upstream_timeout", true);

	private static final ErrorRule OVERLOADED = new ErrorRule(503, "api_error", "overloaded", true);

	private static final Map<String, ErrorRule> BY_ANTHROPIC_TYPE = Map.of(
			"invalid_request_error", INVALID_REQUEST,
			"authentication_error", INVALID_API_KEY,
			"permission_error", PERMISSION_DENIED,
			"not_found_error", NOT_FOUND,
			"request_too_large", TOO_LARGE,
			"rate_limit_error", RATE_LIMITED,
			"billing_error", new ErrorRule(502, "api_error", "upstream_billing_error", true),
			"api_error", UPSTREAM_ERROR,
			"timeout_error", TIMEOUT,
			"overloaded_error", OVERLOADED);

	private AnthropicErrors() {
	}

	/** Maps an error response; {@code body} may be anything, including empty or not JSON. */
	public static GatewayException fromResponse(int httpStatus, @Nullable String body) {
		JsonNode tree = null;
		if (body != null && !body.isBlank()) {
			try {
				tree = JsonMapper.shared().readTree(body);
			}
			catch (JacksonException notJson) {
				// A proxy in front of Anthropic can answer with HTML; the status still says enough.
			}
		}
		return fromResponse(httpStatus, tree);
	}

	/** Maps an error response whose body has already been parsed (null when there was none). */
	public static GatewayException fromResponse(int httpStatus, @Nullable JsonNode body) {
		JsonNode error = body == null ? null : body.path("error");
		String type = error != null && error.path("type").isString() ? error.path("type").stringValue() : "";
		String detail = "";
		if (error != null && error.path("message").isString()) {
			detail = error.path("message").stringValue();
		}
		else if (error != null && error.isString()) {
			// Proxies in front of the API sometimes answer {"error":"..."}.
			detail = error.stringValue();
		}
		ErrorRule rule = BY_ANTHROPIC_TYPE.getOrDefault(type, byHttpStatus(httpStatus));
		if (rule == INVALID_REQUEST && httpStatus >= 400 && httpStatus < 500 && httpStatus != 429) {
			rule = new ErrorRule(httpStatus, rule.type(), rule.code(), false);
		}
		return rule.toError("Anthropic", type.isEmpty() ? "HTTP " + httpStatus : type, detail);
	}

	/** Maps the data of an {@code error} event received in the middle of a stream (no HTTP status). */
	public static GatewayException fromStreamError(JsonNode eventData) {
		JsonNode error = eventData.path("error");
		String type = error.path("type").asString("");
		ErrorRule rule = BY_ANTHROPIC_TYPE.getOrDefault(type, UPSTREAM_ERROR);
		return rule.toError("Anthropic", type.isEmpty() ? "stream error" : type, error.path("message").asString(""));
	}

	private static ErrorRule byHttpStatus(int httpStatus) {
		return switch (httpStatus) {
			case 401 -> INVALID_API_KEY;
			case 403 -> PERMISSION_DENIED;
			case 404 -> NOT_FOUND;
			case 413 -> TOO_LARGE;
			case 429 -> RATE_LIMITED;
			case 408, 504 -> TIMEOUT;
			case 503, 529 -> OVERLOADED;
			default -> httpStatus >= 400 && httpStatus < 500 ? INVALID_REQUEST : UPSTREAM_ERROR;
		};
	}

}
