package dev.meridian.gateway.auth;

import dev.meridian.admin.security.MasterKey;
import dev.meridian.gateway.error.GatewayException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Checks the key a client presents: {@code Authorization: Bearer <key>} as the OpenAI SDKs send it,
 * or {@code x-api-key} as the Anthropic SDKs do.
 */
@Component
public class ClientKeyAuthenticator {

	private final MasterKey masterKey;

	public ClientKeyAuthenticator(MasterKey masterKey) {
		this.masterKey = masterKey;
	}

	/** @throws GatewayException 401 when the key is missing or unknown */
	public void requireValidKey(HttpHeaders headers) {
		String key = MasterKey.presentedKey(headers);
		if (key == null || key.isEmpty()) {
			throw GatewayException.missingKey();
		}
		if (!masterKey.matches(key)) {
			throw GatewayException.invalidKey();
		}
	}

}
