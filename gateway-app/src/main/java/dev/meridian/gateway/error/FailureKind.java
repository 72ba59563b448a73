package dev.meridian.gateway.error;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a failed attempt means for routing: try again (here or on another deployment), move on to a
 * model with a larger context window, move on to a model with another content policy, or answer
 * the client.
 * <p>
 * Providers name a prompt that is too long in different ways: OpenAI and most compatible servers
 * with the code {@code context_length_exceeded} or "maximum context length", Anthropic with "prompt
 * is too long", Bedrock with "input is too long" or "too many input tokens", Gemini with "exceeds the
 * maximum number of tokens". Content-policy refusals carry the code {@code content_filter} (Azure
 * OpenAI) or {@code content_policy_violation} (OpenAI).
 */
public enum FailureKind {

	RETRYABLE, CONTEXT_WINDOW, CONTENT_POLICY, FINAL;

	private static final Set<String> CONTEXT_CODES = Set.of("context_length_exceeded");

	private static final List<String> CONTEXT_MESSAGES = List.of("maximum context length", "context length exceeded",
			"context_length_exceeded", "prompt is too long", "input is too long", "too many input tokens",
			"exceeds the maximum number of tokens", "exceeds the context window");

	private static final Set<String> CONTENT_POLICY_CODES = Set.of("content_filter", "content_policy_violation");

	public static FailureKind of(GatewayException error) {
		if (error.retryable()) {
			return RETRYABLE;
		}
		if (!error.status().is4xxClientError()) {
			return FINAL;
		}
		String code = (error.code() == null) ? "" : error.code();
		if (CONTENT_POLICY_CODES.contains(code)) {
			return CONTENT_POLICY;
		}
		if (CONTEXT_CODES.contains(code)) {
			return CONTEXT_WINDOW;
		}
		String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
		for (String phrase : CONTEXT_MESSAGES) {
			if (message.contains(phrase)) {
				return CONTEXT_WINDOW;
			}
		}
		return FINAL;
	}

}
