package dev.meridian.gateway.provider.bedrock;

/**
 * A request that cannot be expressed for Bedrock (status 400), an error Bedrock reported in the
 * middle of a stream (status mapped by {@link BedrockErrors}), or a stream whose framing is broken.
 * Carries no stack trace: it is an answer for the client, not a bug.
 */
public final class BedrockException extends RuntimeException {

	private final OpenAiError error;

	public BedrockException(OpenAiError error) {
		super(error.message(), null, false, false);
		this.error = error;
	}

	/** The client sent a value Bedrock cannot take in this place. */
	static BedrockException invalid(String message) {
		return new BedrockException(new OpenAiError(400, "invalid_request_error", "invalid_value", message, false));
	}

	/** The client used a feature that OpenAI has and Bedrock does not. */
	static BedrockException unsupported(String message) {
		return new BedrockException(new OpenAiError(400, "invalid_request_error", "unsupported_value", message, false));
	}

	public OpenAiError error() {
		return this.error;
	}

	public int status() {
		return this.error.status();
	}

	public String code() {
		return this.error.code();
	}

}
