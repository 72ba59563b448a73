package dev.meridian.db.governance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A key clients present instead of a provider key. Only the SHA-256 of its plaintext is stored
 * ({@link VirtualKeys#hash}); the plaintext is shown once, when the key is issued or rotated.
 *
 * @param keyHash lowercase hex SHA-256 of the plaintext, what the request path looks keys up by
 * @param keyPrefix the start of the plaintext, for people to recognise the key by
 * @param teamId null for a key that belongs to no team (platform-wide)
 * @param ownerUserId the console user the key was issued to, if any
 * @param storedStatus the status in the database; see {@link #status(Instant)} for the one in force
 */
public record VirtualKey(UUID id, String name, String keyHash, String keyPrefix, @Nullable UUID teamId,
		@Nullable UUID ownerUserId, boolean admin, Limits limits, @Nullable String defaultTier,
		boolean neverDowngrade, @Nullable Instant expiresAt, KeyStatus storedStatus, String metadataJson,
		Instant createdAt, Instant updatedAt, @Nullable Instant revokedAt, @Nullable Instant rotatedAt) {

	/** The status in force at the given time: an active key whose expiry has passed is expired. */
	public KeyStatus status(Instant now) {
		if (storedStatus == KeyStatus.ACTIVE && expiresAt != null && !expiresAt.isAfter(now)) {
			return KeyStatus.EXPIRED;
		}
		return storedStatus;
	}

	public KeySettings settings() {
		return new KeySettings(name, admin, limits, defaultTier, neverDowngrade, expiresAt, metadataJson);
	}

}
