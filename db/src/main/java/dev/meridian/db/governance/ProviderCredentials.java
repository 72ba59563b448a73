package dev.meridian.db.governance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Provider credentials in plaintext for whoever needs them (the routing configuration's
 * {@code ${credential:NAME}} placeholders), kept encrypted at rest by {@link CredentialCipher}.
 */
@Component
public class ProviderCredentials {

	private static final Logger log = LoggerFactory.getLogger(ProviderCredentials.class);

	/** The payload on the routing configuration channel when a credential is written or removed. */
	public static final String CHANGED = "credentials";

	private final ProviderCredentialRepository repository;

	private final CredentialCipher cipher;

	public ProviderCredentials(ProviderCredentialRepository repository, CredentialCipher cipher) {
		this.repository = repository;
		this.cipher = cipher;
	}

	/**
	 * Every stored credential, decrypted, by name. One that cannot be decrypted (its key is no longer
	 * configured) is left out with an error in the log, so that the others still work.
	 */
	public Mono<Map<String, String>> decryptAll() {
		return repository.findAll().collectList().map(stored -> {
			Map<String, String> plaintexts = new LinkedHashMap<>();
			for (StoredCredential credential : stored) {
				try {
					plaintexts.put(credential.name(), cipher.decrypt(credential.name(), sealed(credential)));
				}
				catch (UndecryptableCredentialException ex) {
					log.error("{}; configure that key in meridian.encryption-previous-keys, or store the credential again",
							ex.getMessage());
				}
			}
			return plaintexts;
		});
	}

	/**
	 * Encrypts the value under the current key and stores it under the name.
	 *
	 * @return the stored credential, or an {@link IllegalStateException} when no encryption key is configured
	 */
	public Mono<StoredCredential> store(String name, String value) {
		return Mono.fromCallable(() -> cipher.encrypt(name, value)).flatMap(sealed -> repository.put(name, sealed));
	}

	/**
	 * Rewrites every credential that is not under the current key yet. Run it in a transaction: when one
	 * credential cannot be decrypted it fails with {@link UndecryptableCredentialException}, and nothing
	 * should change.
	 */
	public Mono<Reencryption> reencryptAll() {
		return Mono.fromCallable(cipher::currentKeyId)
			.flatMap(currentKeyId -> repository.findAllForUpdate()
				.concatMap(credential -> credential.keyId().equals(currentKeyId) ? Mono.just(false)
						: store(credential.name(), cipher.decrypt(credential.name(), sealed(credential))).thenReturn(true))
				.collectList()
				.map(rewritten -> {
					int reencrypted = (int) rewritten.stream().filter(Boolean::booleanValue).count();
					return new Reencryption(currentKeyId, reencrypted, rewritten.size() - reencrypted);
				}));
	}

	/**
	 * @param keyId the key every credential is now encrypted with
	 * @param reencrypted how many credentials were rewritten
	 * @param unchanged how many were under that key already
	 */
	public record Reencryption(String keyId, int reencrypted, int unchanged) {
	}

	private static CredentialCipher.Sealed sealed(StoredCredential credential) {
		return new CredentialCipher.Sealed(credential.keyId(), credential.nonce(), credential.ciphertext());
	}

}
