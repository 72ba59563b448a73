package dev.meridian.gateway.auth;

import java.time.InstantSource;

import dev.meridian.admin.security.MasterKey;
import dev.meridian.db.governance.VirtualKeys;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.governance.Caller;
import dev.meridian.gateway.governance.ClientKey;
import dev.meridian.gateway.governance.KeyDirectory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Checks the key a client presents: {@code Authorization: Bearer <key>} as the OpenAI SDKs send it,
 * or {@code x-api-key} as the Anthropic SDKs do. A virtual key is found by the SHA-256 of what was
 * presented, in memory.
 */
@Component
public class ClientKeyAuthenticator {

	private final MasterKey masterKey;

	private final KeyDirectory directory;

	private final InstantSource clock;

	public ClientKeyAuthenticator(MasterKey masterKey, KeyDirectory directory, InstantSource clock) {
		this.masterKey = masterKey;
		this.directory = directory;
		this.clock = clock;
	}

	/** @throws GatewayException 401 when the key is missing, unknown, revoked or expired */
	public Caller authenticate(HttpHeaders headers) {
		String presented = MasterKey.presentedKey(headers);
		if (presented == null || presented.isEmpty()) {
			throw GatewayException.missingKey();
		}
		ClientKey key = directory.keyWithHash(VirtualKeys.hash(presented));
		if (key == null) {
			if (masterKey.matches(presented)) {
				return Caller.MASTER;
			}
			throw GatewayException.invalidKey();
		}
		if (key.expiredAt(clock.instant())) {
			throw GatewayException.keyExpired();
		}
		return new Caller(key, directory.team(key.teamId()));
	}

}
