package dev.meridian.gateway.proxy;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The estimated prompt size of one request, worked out only when a context window could matter:
 * the body's byte count bounds the estimate (at most about one token per two bytes), so a body
 * smaller than twice the window is never parsed for it.
 */
final class PromptSize {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final byte[] body;

	private long tokens = -1;

	PromptSize(byte[] body) {
		this.body = body;
	}

	/** @return 0 when the prompt surely fits this window, else its estimated tokens */
	long against(int contextWindow) {
		if (contextWindow == Integer.MAX_VALUE || body.length < 2L * contextWindow) {
			return 0;
		}
		if (tokens < 0) {
			try {
				tokens = TokenEstimate.promptTokens(JSON.readTree(body));
			}
			catch (JacksonException ex) {
				throw GatewayException.invalidJson(ex.getOriginalMessage());
			}
		}
		return tokens;
	}

}
