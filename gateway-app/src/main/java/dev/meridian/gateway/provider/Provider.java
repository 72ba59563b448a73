package dev.meridian.gateway.provider;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * A configured provider at run time: where it is, its key, and its own pooled HTTP client.
 *
 * @param id the provider's name in the configuration, e.g. {@code openai}
 */
public record Provider(String id, ProviderType type, ProviderBaseUrl baseUrl, String apiKey, HttpClient http,
		ConnectionProvider pool) implements AutoCloseable {

	/** Lets in-flight calls finish, then closes the pool's connections. */
	@Override
	public void close() {
		pool.disposeLater().subscribe();
	}

}
