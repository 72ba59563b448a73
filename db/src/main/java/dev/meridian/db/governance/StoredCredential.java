package dev.meridian.db.governance;

import java.time.Instant;

/**
 * A provider credential as stored: AES-GCM ciphertext under the encryption key named by {@code keyId}.
 * Only {@link CredentialCipher} makes sense of it.
 */
public record StoredCredential(String name, String keyId, byte[] nonce, byte[] ciphertext, Instant createdAt,
		Instant updatedAt) {

	/** Keeps even the ciphertext out of logs. */
	@Override
	public String toString() {
		return "StoredCredential[" + name + ", key " + keyId + "]";
	}

}
