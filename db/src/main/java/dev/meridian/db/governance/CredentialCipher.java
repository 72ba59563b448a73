package dev.meridian.db.governance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.meridian.db.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts provider credentials with AES-256-GCM: a random 12-byte nonce for every write, and the
 * credential's name as associated data, so that a ciphertext copied to another name does not decrypt.
 * Each ciphertext records the id of its key (the first 8 hex digits of the key's SHA-256), which is
 * how old keys ({@code meridian.encryption-previous-keys}) keep credentials readable after a rotation.
 */
@Component
@EnableConfigurationProperties(EncryptionProperties.class)
public class CredentialCipher {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A ciphertext and what it takes to decrypt it, except the key itself. */
	public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
	}

	private record EncryptionKey(String id, SecretKey key) {
	}

	private final @Nullable EncryptionKey current;

	private final Map<String, EncryptionKey> byId = new LinkedHashMap<>();

	/** @throws IllegalArgumentException when a configured key is not 32 bytes of base64 */
	public CredentialCipher(EncryptionProperties properties) {
		String configured = properties.encryptionKey();
		this.current = (configured == null || configured.isBlank()) ? null
				: parse(configured, "meridian.encryption-key");
		if (current != null) {
			byId.put(current.id(), current);
		}
		for (String previous : properties.encryptionPreviousKeys()) {
			if (!previous.isBlank()) {
				EncryptionKey key = parse(previous, "meridian.encryption-previous-keys");
				byId.putIfAbsent(key.id(), key);
			}
		}
	}

	/** Whether an encryption key is configured, without which nothing can be encrypted. */
	public boolean canEncrypt() {
		return current != null;
	}

	/** The id of the key new ciphertexts are made with. */
	public String currentKeyId() {
		return requireCurrent().id();
	}

	/** @throws IllegalStateException when no encryption key is configured */
	public Sealed encrypt(String name, String plaintext) {
		EncryptionKey key = requireCurrent();
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
			return new Sealed(key.id(), nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/** @throws UndecryptableCredentialException when the key is not configured or the ciphertext was altered */
	public String decrypt(String name, Sealed sealed) {
		EncryptionKey key = byId.get(sealed.keyId());
		if (key == null) {
			throw new UndecryptableCredentialException(name, "it was encrypted with key " + sealed.keyId()
					+ ", which is neither meridian.encryption-key nor one of meridian.encryption-previous-keys");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
			cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableCredentialException(name,
					"its ciphertext does not verify under key " + sealed.keyId() + " (altered, or stored under another name)");
		}
	}

	private EncryptionKey requireCurrent() {
		if (current == null) {
			throw new IllegalStateException(
					"No encryption key: set MERIDIAN_ENCRYPTION_KEY (32 random bytes in base64) to store provider credentials");
		}
		return current;
	}

	private static EncryptionKey parse(String base64, String property) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(property + " is not base64; make one with: openssl rand -base64 32");
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException(property + " must be " + KEY_BYTES + " bytes in base64, it is "
					+ bytes.length + "; make one with: openssl rand -base64 32");
		}
		return new EncryptionKey(keyId(bytes), new SecretKeySpec(bytes, "AES"));
	}

	/** The first 8 hex digits of the key's SHA-256: names the key without revealing it. */
	static String keyId(byte[] key) {
		return Sha256.hex(key).substring(0, 8);
	}

}
