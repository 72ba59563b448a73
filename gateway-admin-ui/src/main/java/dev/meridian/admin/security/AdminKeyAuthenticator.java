package dev.meridian.admin.security;

import java.time.Instant;
import java.util.Set;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.db.governance.KeyStatus;
import dev.meridian.db.governance.VirtualKey;
import dev.meridian.db.governance.VirtualKeyRepository;
import dev.meridian.db.governance.VirtualKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who a bearer key on the admin API stands for: the master key is a platform admin; a virtual key
 * with {@code admin = true} is an admin of its team, or a platform admin when it has no team. The key
 * is looked up in the database on every call: the admin API is not the request path, and a revoke
 * takes effect at once.
 */
@Component
class AdminKeyAuthenticator {

	private final MasterKey masterKey;

	private final VirtualKeyRepository keys;

	AdminKeyAuthenticator(MasterKey masterKey, VirtualKeyRepository keys) {
		this.masterKey = masterKey;
		this.keys = keys;
	}

	/**
	 * @return the principal, or {@link AdminApiException} 401 for a missing, unknown, revoked or expired key
	 * and 403 for a key that is not an admin key
	 */
	Mono<AdminPrincipal> authenticate(@Nullable String presentedKey) {
		if (presentedKey == null || presentedKey.isEmpty()) {
			return Mono.error(AdminApiException.unauthorized());
		}
		if (masterKey.matches(presentedKey)) {
			return Mono.just(AdminPrincipal.MASTER_KEY);
		}
		return keys.findByHash(VirtualKeys.hash(presentedKey))
			.filter(key -> key.status(Instant.now()) == KeyStatus.ACTIVE)
			.switchIfEmpty(Mono.error(AdminApiException::unauthorized))
			.flatMap(key -> key.admin() ? Mono.just(principal(key))
					: Mono.error(AdminApiException.forbidden(
							"This key may call the client API only; the admin API needs the master key or an admin key.")));
	}

	private static AdminPrincipal principal(VirtualKey key) {
		return new AdminPrincipal("key:" + key.id(), (key.teamId() == null) ? null : Set.of(key.teamId()));
	}

}
