package dev.meridian.gateway.auth;

import dev.meridian.gateway.error.GatewayException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Checks the key a client presents: {@code Authorization: Bearer <key>} as the OpenAI SDKs send it,
 * or {@code x-api-key} as the Anthropic SDKs do.
 */
@Component
public class ClientKeyAuthenticator {

	private static final String BEARER = "bearer ";

	private final MasterKey masterKey;

	public ClientKeyAuthenticator(MasterKey masterKey) {
		this.masterKey = masterKey;
	}

	/** @throws GatewayException 401 when the key is missing or unknown */
	public void requireValidKey(HttpHeaders headers) {
		String key = presentedKey(headers);
		if (key == null || key.isEmpty()) {
			throw GatewayException.missingKey();
		}
		if (!masterKey.matches(key)) {
			throw GatewayException.invalidKey();
		}
	}

	private static @Nullable String presentedKey(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		String apiKey = headers.getFirst("x-api-key");
		return (apiKey == null) ? null : apiKey.strip();
	}

}
