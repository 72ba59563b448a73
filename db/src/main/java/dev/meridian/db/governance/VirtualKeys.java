package dev.meridian.db.governance;

import java.security.SecureRandom;
import java.util.Base64;

import dev.meridian.db.Sha256;

/**
 * How virtual keys look and are stored: {@code sk-mrd-} followed by 32 random bytes in unpadded
 * base64url (43 characters), kept only as the SHA-256 of the plaintext. A fast hash is enough for
 * 256 random bits, and it lets the request path look a key up in memory by its hash.
 */
public final class VirtualKeys {

	public static final String PREFIX = "sk-mrd-";

	private static final int RANDOM_BYTES = 32;

	private static final int SHOWN_CHARACTERS = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private VirtualKeys() {
	}

	public static IssuedKey generate() {
		byte[] random = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(random);
		String plaintext = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		return new IssuedKey(plaintext, hash(plaintext), plaintext.substring(0, SHOWN_CHARACTERS) + "…");
	}

	/** Lowercase hex SHA-256 of the key's UTF-8 bytes: the {@code key_hash} it is stored and found by. */
	public static String hash(String plaintext) {
		return Sha256.hex(plaintext);
	}

}
