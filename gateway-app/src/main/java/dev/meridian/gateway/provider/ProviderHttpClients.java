package dev.meridian.gateway.provider;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Builds the pooled HTTP client of one provider: a fixed, named pool (its metrics appear under
 * {@code reactor.netty.connection.provider.*} with the pool's name) whose idle connections are
 * closed before a provider's load balancer would drop them, and the provider's standing
 * authentication headers.
 */
public final class ProviderHttpClients {

	/** The Messages API version Meridian speaks to Anthropic. */
	public static final String ANTHROPIC_VERSION = "2023-06-01";

	private static final String USER_AGENT = "meridian";

	private static final int MAX_CONNECTIONS = 1000;

	private static final Duration MAX_IDLE = Duration.ofSeconds(30);

	private static final Duration MAX_LIFE = Duration.ofMinutes(10);

	private static final Duration PENDING_ACQUIRE_TIMEOUT = Duration.ofSeconds(30);

	private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

	private ProviderHttpClients() {
	}

	public static ConnectionProvider pool(String providerId) {
		return ConnectionProvider.builder("meridian-" + providerId)
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireTimeout(PENDING_ACQUIRE_TIMEOUT)
			.maxIdleTime(MAX_IDLE)
			.maxLifeTime(MAX_LIFE)
			.evictInBackground(MAX_IDLE)
			.metrics(true)
			.build();
	}

	/**
	 * A client whose every request carries the provider's key, in the header its API expects.
	 *
	 * @param azureAdToken for Azure OpenAI, an Entra ID token sent as a bearer token instead of the key
	 */
	public static HttpClient client(ConnectionProvider pool, ProviderType type, String apiKey,
			@Nullable String azureAdToken) {
		return HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
			.keepAlive(true)
			.proxyWithSystemProperties()
			.headers(headers -> {
				headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
				headers.set(HttpHeaderNames.USER_AGENT, USER_AGENT);
				if (type.wireFormat() == WireFormat.ANTHROPIC) {
					headers.set("anthropic-version", ANTHROPIC_VERSION);
				}
				if (type.wireFormat() == WireFormat.AZURE_OPENAI && azureAdToken != null && !azureAdToken.isBlank()) {
					headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + azureAdToken);
					return;
				}
				if (apiKey.isEmpty()) {
					return;
				}
				switch (type.wireFormat()) {
					case ANTHROPIC -> headers.set("x-api-key", apiKey);
					case GEMINI -> headers.set("x-goog-api-key", apiKey);
					case AZURE_OPENAI -> headers.set("api-key", apiKey);
					case OPENAI -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + apiKey);
					case BEDROCK -> {
						// signed per request
					}
				}
			});
	}

}
