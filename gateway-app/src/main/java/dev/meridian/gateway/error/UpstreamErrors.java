package dev.meridian.gateway.error;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a provider's error answer into the OpenAI envelope with the provider's status. OpenAI's own
 * envelope is kept field for field; the shapes other OpenAI-compatible servers use
 * ({@code {"error":"text"}}, vLLM's {@code {"object":"error","message"}}, FastAPI's {@code detail})
 * and plain text are mapped onto it.
 */
public final class UpstreamErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_TEXT = 2_000;

	private UpstreamErrors() {
	}

	public static GatewayException fromResponse(int status, byte[] body) {
		HttpStatus httpStatus = HttpStatus.resolve(status);
		if (httpStatus == null || !httpStatus.isError()) {
			httpStatus = HttpStatus.BAD_GATEWAY;
		}
		String defaultType = defaultType(httpStatus);
		JsonNode root = parse(body);
		if (root != null && root.isObject()) {
			JsonNode error = root.get("error");
			if (error != null && error.isObject()) {
				return new GatewayException(httpStatus, text(error.get("type"), defaultType), code(error.get("code")),
						text(error.get("param"), null), text(error.get("message"), "The provider returned an error."));
			}
			String message = firstText(error, root.get("message"), root.get("detail"));
			if (message != null) {
				return new GatewayException(httpStatus, text(root.get("type"), defaultType), code(root.get("code")),
						text(root.get("param"), null), message);
			}
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.isEmpty()) {
			text = "The provider answered " + status + " with an empty body.";
		}
		return new GatewayException(httpStatus, defaultType, null, null,
				text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
	}

	static String defaultType(HttpStatus status) {
		return switch (status.value()) {
			case 401 -> "authentication_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 429 -> "rate_limit_error";
			default -> status.is4xxClientError() ? "invalid_request_error" : "api_error";
		};
	}

	private static @Nullable JsonNode parse(byte[] body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String firstText(@Nullable JsonNode... nodes) {
		for (JsonNode node : nodes) {
			if (node != null && node.isString()) {
				return node.asString();
			}
			if (node != null && (node.isArray() || node.isObject())) {
				return node.toString();
			}
		}
		return null;
	}

	private static @Nullable String code(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isString() ? node.asString() : node.toString();
	}

	private static String text(@Nullable JsonNode node, String fallback) {
		return (node != null && node.isString()) ? node.asString() : fallback;
	}

}
