package dev.meridian.db.governance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static dev.meridian.db.governance.CredentialCipherTest.KEY_A;
import static dev.meridian.db.governance.CredentialCipherTest.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider credentials encrypted at rest on a real PostgreSQL database, read back in plaintext for
 * {@code ${credential:NAME}} placeholders, across a rotation of the encryption key.
 */
class ProviderCredentialsTest {

	private final ApplicationContextRunner context = GovernanceDatabase.fresh();

	@Test
	void storesCiphertextOnlyAndDecryptsEveryCredential() {
		context.withPropertyValues("meridian.encryption-key=" + KEY_A).run(app -> {
			ProviderCredentials credentials = app.getBean(ProviderCredentials.class);
			credentials.store("openai", "sk-openai-plaintext").block();
			credentials.store("anthropic", "sk-ant-plaintext").block();

			byte[] stored = app.getBean(DatabaseClient.class)
				.sql("SELECT ciphertext FROM provider_credential WHERE name = 'openai'")
				.mapValue(byte[].class)
				.one()
				.block();
			assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("sk-openai-plaintext");

			StepVerifier.create(credentials.decryptAll())
				.expectNext(Map.of("openai", "sk-openai-plaintext", "anthropic", "sk-ant-plaintext"))
				.verifyComplete();

			credentials.store("openai", "sk-openai-replaced").block();
			StepVerifier.create(credentials.decryptAll().map(all -> all.get("openai")))
				.expectNext("sk-openai-replaced")
				.verifyComplete();
		});
	}

	@Test
	void readsUnderAPreviousKeyAndReencryptsUnderTheCurrentOne() {
		ApplicationContextRunner database = context;
		database.withPropertyValues("meridian.encryption-key=" + KEY_A)
			.run(app -> app.getBean(ProviderCredentials.class).store("openai", "sk-written-under-a").block());

		database.withPropertyValues("meridian.encryption-key=" + KEY_B, "meridian.encryption-previous-keys=" + KEY_A)
			.run(app -> {
				ProviderCredentials credentials = app.getBean(ProviderCredentials.class);
				String keyB = app.getBean(CredentialCipher.class).currentKeyId();
				credentials.store("anthropic", "sk-written-under-b").block();

				StepVerifier.create(credentials.decryptAll())
					.expectNext(Map.of("openai", "sk-written-under-a", "anthropic", "sk-written-under-b"))
					.verifyComplete();
				StepVerifier.create(credentials.reencryptAll())
					.expectNext(new ProviderCredentials.Reencryption(keyB, 1, 1))
					.verifyComplete();
				StepVerifier.create(app.getBean(ProviderCredentialRepository.class).findAll().map(StoredCredential::keyId))
					.expectNext(keyB, keyB)
					.verifyComplete();
			});

		database.withPropertyValues("meridian.encryption-key=" + KEY_B)
			.run(app -> StepVerifier.create(app.getBean(ProviderCredentials.class).decryptAll())
				.expectNext(Map.of("openai", "sk-written-under-a", "anthropic", "sk-written-under-b"))
				.verifyComplete());
	}

	@Test
	void leavesOutACredentialWhoseKeyIsGoneAndRefusesToReencryptIt() {
		context.withPropertyValues("meridian.encryption-key=" + KEY_A)
			.run(app -> app.getBean(ProviderCredentials.class).store("forgotten", "sk-lost").block());

		context.withPropertyValues("meridian.encryption-key=" + KEY_B).run(app -> {
			ProviderCredentials credentials = app.getBean(ProviderCredentials.class);
			credentials.store("kept", "sk-kept").block();

			StepVerifier.create(credentials.decryptAll()).expectNext(Map.of("kept", "sk-kept")).verifyComplete();
			StepVerifier.create(credentials.reencryptAll())
				.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UndecryptableCredentialException.class)
					.hasMessageContaining("'forgotten'"))
				.verify();
		});
	}

	@Test
	void withoutAnEncryptionKeyNothingIsStored() {
		context.run(app -> {
			StepVerifier.create(app.getBean(ProviderCredentials.class).store("openai", "sk"))
				.expectError(IllegalStateException.class)
				.verify();
			StepVerifier.create(app.getBean(ProviderCredentialRepository.class).findAll()).verifyComplete();
		});
	}

}
