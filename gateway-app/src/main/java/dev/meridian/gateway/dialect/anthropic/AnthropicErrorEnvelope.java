package dev.meridian.gateway.dialect.anthropic;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders Anthropic's error body {@code {"type":"error","error":{"type","message"}}}.
 *
 * <pre>
 * status      error.type
 * 400         invalid_request_error (also any other 4xx, as Anthropic does)
 * 401         authentication_error
 * 402         billing_error
 * 403         permission_error
 * 404         not_found_error
 * 413         request_too_large
 * 429         rate_limit_error
 * 500, 502    api_error (also any other 5xx)
 * 503, 529    overloaded_error
 * 504         timeout_error
 * </pre>
 *
 * {@code timeout_error} is the type Anthropic's SDKs define for a gateway timeout. The SDKs choose
 * their exception class from the HTTP status; the type tells a reader what happened.
 */
public final class AnthropicErrorEnvelope {

	private AnthropicErrorEnvelope() {
	}

	/** The gateway's error as an Anthropic client expects it; its OpenAI type and code do not travel. */
	public static ObjectNode of(GatewayException error) {
		return of(error.status().value(), error.getMessage());
	}

	public static ObjectNode of(int status, String message) {
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		envelope.put("type", "error");
		ObjectNode error = envelope.putObject("error");
		error.put("type", errorType(status));
		error.put("message", message);
		return envelope;
	}

	public static String errorType(int status) {
		return switch (status) {
			case 401 -> "authentication_error";
			case 402 -> "billing_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 413 -> "request_too_large";
			case 429 -> "rate_limit_error";
			case 503, 529 -> "overloaded_error";
			case 504 -> "timeout_error";
			default -> status >= 500 ? "api_error" : "invalid_request_error";
		};
	}

}
