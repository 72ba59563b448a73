package dev.meridian.db.governance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.meridian.db.Sha256;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

	static final String KEY_A = base64Key('a');

	static final String KEY_B = base64Key('b');

	@Test
	void encryptsWithAFreshNonceAndDecryptsUnderTheSameName() {
		CredentialCipher cipher = cipher(KEY_A);

		CredentialCipher.Sealed first = cipher.encrypt("openai", "sk-provider-secret");
		CredentialCipher.Sealed second = cipher.encrypt("openai", "sk-provider-secret");

		assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
		assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
		assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("sk-provider-secret");
		assertThat(cipher.decrypt("openai", first)).isEqualTo("sk-provider-secret");
		assertThat(cipher.decrypt("openai", second)).isEqualTo("sk-provider-secret");
	}

	@Test
	void keyIdIsTheStartOfTheKeysSha256() {
		CredentialCipher cipher = cipher(KEY_A);
		String expected = Sha256.hex(Base64.getDecoder().decode(KEY_A)).substring(0, 8);

		assertThat(cipher.currentKeyId()).isEqualTo(expected);
		assertThat(cipher.encrypt("x", "y").keyId()).isEqualTo(expected);
	}

	@Test
	void aCiphertextMovedToAnotherNameOrAlteredDoesNotDecrypt() {
		CredentialCipher cipher = cipher(KEY_A);
		CredentialCipher.Sealed sealed = cipher.encrypt("openai", "sk-provider-secret");
		byte[] altered = sealed.ciphertext().clone();
		altered[0] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt("anthropic", sealed))
			.isInstanceOf(UndecryptableCredentialException.class)
			.hasMessageContaining("'anthropic'");
		assertThatThrownBy(() -> cipher.decrypt("openai", new CredentialCipher.Sealed(sealed.keyId(), sealed.nonce(), altered)))
			.isInstanceOf(UndecryptableCredentialException.class);
	}

	@Test
	void previousKeysStillDecryptAfterARotation() {
		CredentialCipher.Sealed underA = cipher(KEY_A).encrypt("openai", "sk-old");
		CredentialCipher rotated = new CredentialCipher(new EncryptionProperties(KEY_B, List.of(KEY_A)));

		assertThat(rotated.decrypt("openai", underA)).isEqualTo("sk-old");
		assertThat(rotated.encrypt("openai", "sk-new").keyId()).isEqualTo(cipher(KEY_B).currentKeyId())
			.isNotEqualTo(underA.keyId());
	}

	@Test
	void aKeyThatIsNoLongerConfiguredIsNamed() {
		CredentialCipher.Sealed underA = cipher(KEY_A).encrypt("openai", "sk-old");

		assertThatThrownBy(() -> cipher(KEY_B).decrypt("openai", underA))
			.isInstanceOf(UndecryptableCredentialException.class)
			.hasMessageContaining(underA.keyId())
			.hasMessageContaining("meridian.encryption-previous-keys");
	}

	@Test
	void withoutAKeyNothingIsEncryptedButTheCipherExists() {
		CredentialCipher cipher = new CredentialCipher(new EncryptionProperties(null, List.of()));

		assertThat(cipher.canEncrypt()).isFalse();
		assertThatThrownBy(() -> cipher.encrypt("openai", "sk")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("MERIDIAN_ENCRYPTION_KEY");
	}

	@Test
	void refusesKeysThatAreNot32BytesOfBase64() {
		assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16])))
			.hasMessageContaining("meridian.encryption-key must be 32 bytes")
			.hasMessageContaining("it is 16");
		assertThatThrownBy(() -> cipher("not base64!")).hasMessageContaining("meridian.encryption-key is not base64");
		assertThatThrownBy(() -> new CredentialCipher(new EncryptionProperties(KEY_A, List.of("short"))))
			.hasMessageContaining("meridian.encryption-previous-keys");
	}

	private static CredentialCipher cipher(String key) {
		return new CredentialCipher(new EncryptionProperties(key, List.of()));
	}

	private static String base64Key(char fill) {
		return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
	}

}
