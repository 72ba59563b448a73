package dev.meridian.gateway.provider;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A configured provider at run time: where it is, its key, and its own pooled HTTP client.
 *
 * @param id the provider's name in the configuration, e.g. {@code openai}
 * @param apiVersion the API version a provider wants in its URLs (Azure OpenAI's {@code api-version})
 * @param signer signs each request, for providers that authenticate requests rather than callers
 * @param settings what the provider was built from; a new configuration whose provider has the same
 * settings keeps this provider and its warm connection pool. Null when it cannot be compared (a
 * signer), so that it is always built again.
 */
public record Provider(String id, ProviderType type, ProviderBaseUrl baseUrl, String apiKey,
		@Nullable String apiVersion, @Nullable RequestSigner signer, HttpClient http, ConnectionProvider pool,
		@Nullable Object settings) implements AutoCloseable {

	/** Lets in-flight calls finish, then closes the pool's connections. */
	@Override
	public void close() {
		pool.disposeLater().subscribe();
	}

}
