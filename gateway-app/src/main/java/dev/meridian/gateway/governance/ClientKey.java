package dev.meridian.gateway.governance;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A virtual key as the request path needs it. The plaintext is never held: requests are matched by
 * the SHA-256 of what they present.
 *
 * @param keyHash lowercase hex SHA-256 of the plaintext
 * @param teamId null for a key that belongs to no team
 * @param revoked true once revoked; a revoked key is kept so that its requests get a clear refusal
 * @param expiresAt null when the key does not expire
 * @param models the allowed model names; null allows every model
 * @param budget null when the key has no spending cap of its own
 * @param defaultTier the smart-routing tier used when a request does not name one; null for the classifier's
 * @param neverDowngrade when true, smart routing never picks a tier below {@code defaultTier}
 */
public record ClientKey(UUID id, String name, String keyHash, @Nullable UUID teamId, boolean revoked,
		@Nullable Instant expiresAt, @Nullable Set<String> models, @Nullable Integer rpm, @Nullable Long tpm,
		@Nullable Budget budget, @Nullable String defaultTier, boolean neverDowngrade) {

	public ClientKey {
		models = (models == null) ? null : Set.copyOf(models);
	}

	public boolean expiredAt(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}

}
