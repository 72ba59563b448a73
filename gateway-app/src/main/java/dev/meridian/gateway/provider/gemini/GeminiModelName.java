package dev.meridian.gateway.provider.gemini;

/** Gemini names models as {@code models/{id}}; operators may configure either form. */
final class GeminiModelName {

	private static final String PREFIX = "models/";

	private GeminiModelName() {
	}

	static String resource(String model) {
		return model.startsWith(PREFIX) ? model : PREFIX + model;
	}
}
