package dev.meridian.gateway.provider.openai;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.provider.Provider;

/** Azure OpenAI addresses a deployment in the path and versions the API in the query. */
public final class AzureOpenAiUrls {

	/** The {@code api-version} used when the provider entry names none. */
	public static final String DEFAULT_API_VERSION = "2024-10-21";

	private AzureOpenAiUrls() {
	}

	/** e.g. {@code https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21} */
	public static String deployment(Provider provider, String deployment, String operationPath) {
		String version = (provider.apiVersion() == null) ? DEFAULT_API_VERSION : provider.apiVersion();
		return provider.baseUrl().resolve("/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
				+ operationPath + "?api-version=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
	}

}
