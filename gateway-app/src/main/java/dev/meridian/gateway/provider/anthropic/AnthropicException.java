package dev.meridian.gateway.provider.anthropic;

/**
 * A request that cannot be expressed for Anthropic (status 400), or an error Anthropic reported
 * in the middle of a stream (status mapped by {@link AnthropicErrors}).
 */
public final class AnthropicException extends RuntimeException {

	private final OpenAiError error;

	public AnthropicException(OpenAiError error) {
		super(error.message());
		this.error = error;
	}

	static AnthropicException badRequest(String message) {
		return new AnthropicException(OpenAiError.badRequest(message));
	}

	public OpenAiError error() {
		return this.error;
	}

	public int status() {
		return this.error.status();
	}

}
