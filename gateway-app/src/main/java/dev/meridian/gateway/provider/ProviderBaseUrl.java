package dev.meridian.gateway.provider;

import java.net.URI;

/**
 * A provider's root URL, normalised once: no trailing slash, and for the OpenAI family a bare host
 * gets {@code /v1}, since that is where every OpenAI-compatible server (vLLM, Ollama, LM Studio)
 * serves the API.
 */
public record ProviderBaseUrl(String value) {

	public static ProviderBaseUrl of(String url, ProviderType type) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("base_url '" + url + "' is not a URL");
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			throw new IllegalArgumentException("base_url '" + url + "' must start with http:// or https://");
		}
		if (uri.getHost() == null) {
			throw new IllegalArgumentException("base_url '" + url + "' names no host");
		}
		String normalised = url.strip().replaceAll("/+$", "");
		String path = (uri.getRawPath() == null) ? "" : uri.getRawPath().replaceAll("/+$", "");
		if (path.isEmpty() && type.wireFormat() == WireFormat.OPENAI) {
			normalised = normalised + "/v1";
		}
		return new ProviderBaseUrl(normalised);
	}

	/** The full URL of an API path under this root, e.g. {@code /chat/completions}. */
	public String resolve(String apiPath) {
		return value + apiPath;
	}

}
