package dev.meridian.gateway.provider.gemini;

/**
 * A request or response that cannot be carried between the OpenAI and Gemini shapes. The caller
 * answers the client with {@link #status()} and an OpenAI error envelope carrying {@link #code()}.
 */
public final class GeminiTranslationException extends RuntimeException {

	private final int status;
	private final String code;

	public GeminiTranslationException(int status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	static GeminiTranslationException invalid(String message) {
		return new GeminiTranslationException(400, "invalid_value", message);
	}

	static GeminiTranslationException unsupported(String message) {
		return new GeminiTranslationException(400, "unsupported_value", message);
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}
}
