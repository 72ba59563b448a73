package dev.meridian.admin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.meridian.db.governance.CredentialCipher;
import dev.meridian.db.governance.EncryptionProperties;
import dev.meridian.db.governance.ProviderCredentialRepository;
import dev.meridian.db.governance.ProviderCredentials;
import dev.meridian.db.routing.RoutingConfigRepository;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.AdminApiClient.Reply;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Provider credentials through the admin API, on a gateway whose encryption key was rotated: the
 * current key encrypts, the previous one still decrypts, and re-encryption moves everything over.
 */
class CredentialsAdminApiTest extends GatewayIntegrationTest {

	static final String PREVIOUS_KEY = base64Key('p');

	static final String CURRENT_KEY = base64Key('c');

	@DynamicPropertySource
	static void encryptionKeys(DynamicPropertyRegistry registry) {
		registry.add("meridian.encryption-key", () -> CURRENT_KEY);
		registry.add("meridian.encryption-previous-keys", () -> PREVIOUS_KEY);
	}

	@Autowired
	DatabaseClient db;

	@Autowired
	ProviderCredentials credentials;

	@Autowired
	ProviderCredentialRepository repository;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	RoutingConfigRepository routingConfigs;

	AdminApiClient admin;

	@BeforeEach
	void client() {
		admin = new AdminApiClient(port);
	}

	@Test
	void theRoutingConfigurationUsesAStoredCredentialAndPicksUpItsNewValue() throws Exception {
		String original = Files.readString(configFile());
		String usingCredential = original.replace("${MERIDIAN_TEST_UPSTREAM_KEY:-" + UPSTREAM_KEY + "}",
				"${credential:mock-upstream}");
		assertThat(usingCredential).isNotEqualTo(original);
		assertThat(upstreamAuthorization()).isEqualTo("Bearer " + UPSTREAM_KEY);
		assertThat(admin.put("/credentials/mock-upstream", MASTER_KEY, "{\"value\": \"sk-from-the-vault\"}").status())
			.isEqualTo(204);
		try {
			routingConfigs.append(usingCredential, "e".repeat(64), "api", "test").block(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(upstreamAuthorization()).isEqualTo("Bearer sk-from-the-vault"));

			admin.put("/credentials/mock-upstream", MASTER_KEY, "{\"value\": \"sk-rotated\"}");
			await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(upstreamAuthorization()).isEqualTo("Bearer sk-rotated"));
		}
		finally {
			routingConfigs.append(original, "f".repeat(64), "api", "test").block(Duration.ofSeconds(10));
		}
	}

	/** Sends a chat request and tells what authorization the provider got. */
	private String upstreamAuthorization() {
		upstream.reset();
		openAi().chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
			.addUserMessage("hi").build());
		return upstream.requests().getLast().header("authorization");
	}

	@Test
	void storesValuesEncryptedAndNeverShowsThemAgain() {
		Reply stored = admin.put("/credentials/openai-prod", MASTER_KEY, "{\"value\": \"sk-openai-very-secret\"}");

		assertThat(stored.status()).isEqualTo(204);
		assertThat(sealed("openai-prod").keyId()).isEqualTo(cipher.currentKeyId());
		byte[] ciphertext = db.sql("SELECT ciphertext FROM provider_credential WHERE name = 'openai-prod'")
			.mapValue(byte[].class)
			.one()
			.block();
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("sk-openai-very-secret");
		assertThat(credentials.decryptAll().block()).containsEntry("openai-prod", "sk-openai-very-secret");

		Reply list = admin.get("/credentials", MASTER_KEY);
		JsonNode listed = list.json().path("data").values().stream()
			.filter(credential -> credential.path("name").asString().equals("openai-prod"))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("key_id").asString()).isEqualTo(cipher.currentKeyId());
		assertThat(listed.path("created_at").asString()).isNotEmpty();
		assertThat(list.body()).doesNotContain("sk-openai-very-secret");

		assertThat(admin.put("/credentials/openai-prod", MASTER_KEY, "{\"value\": \"sk-openai-next\"}").status())
			.isEqualTo(204);
		assertThat(credentials.decryptAll().block()).containsEntry("openai-prod", "sk-openai-next");

		assertThat(admin.delete("/credentials/openai-prod", MASTER_KEY).status()).isEqualTo(204);
		assertThat(admin.delete("/credentials/openai-prod", MASTER_KEY).status()).isEqualTo(404);
		assertThat(credentials.decryptAll().block()).doesNotContainKey("openai-prod");

		JsonNode audit = admin.get("/audit?entity_type=provider_credential&entity_id=openai-prod", MASTER_KEY).json();
		assertThat(audit.path("data").findValuesAsString("action")).containsExactly("delete", "update", "create");
		assertThat(audit.toString()).doesNotContain("sk-openai");
	}

	@Test
	void validatesNameAndValue() {
		Reply badName = admin.put("/credentials/-bad%20name", MASTER_KEY, "{\"value\": \"x\"}");
		assertThat(badName.status()).isEqualTo(400);
		assertThat(badName.error().path("param").asString()).isEqualTo("name");

		Reply noValue = admin.put("/credentials/ok", MASTER_KEY, "{\"secret\": \"x\"}");
		assertThat(noValue.status()).isEqualTo(400);
		assertThat(noValue.error().path("fields").findValuesAsString("param")).containsExactly("secret", "value");
		assertThat(admin.put("/credentials/ok", MASTER_KEY, "{\"value\": \"  \"}").status()).isEqualTo(400);
	}

	@Test
	void readsCredentialsUnderThePreviousKeyAndReencryptsThemUnderTheCurrentOne() {
		CredentialCipher previous = new CredentialCipher(new EncryptionProperties(PREVIOUS_KEY, List.of()));
		repository.put("anthropic-old", previous.encrypt("anthropic-old", "sk-ant-written-long-ago")).block();
		admin.put("/credentials/gemini-new", MASTER_KEY, "{\"value\": \"gemini-key\"}");

		assertThat(credentials.decryptAll().block()).containsEntry("anthropic-old", "sk-ant-written-long-ago")
			.containsEntry("gemini-new", "gemini-key");

		Reply rotated = admin.post("/credentials/rotate-encryption", MASTER_KEY, null);

		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().path("key_id").asString()).isEqualTo(cipher.currentKeyId());
		assertThat(rotated.json().path("reencrypted").asInt()).isEqualTo(1);
		assertThat(db.sql("SELECT DISTINCT key_id FROM provider_credential").mapValue(String.class).all().collectList().block())
			.containsExactly(cipher.currentKeyId());
		CredentialCipher currentOnly = new CredentialCipher(new EncryptionProperties(CURRENT_KEY, List.of()));
		assertThat(currentOnly.decrypt("anthropic-old", sealed("anthropic-old"))).isEqualTo("sk-ant-written-long-ago");
		assertThat(admin.get("/audit?entity_type=provider_credential&limit=1", MASTER_KEY).json().path("data").get(0)
			.path("action").asString()).isEqualTo("reencrypt");
	}

	@Test
	void onlyPlatformAdminsManageCredentials() {
		String team = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + TeamsAdminApiTest.unique("creds") + "\"}")
			.json().path("id").asString();
		String teamAdmin = admin.post("/keys", MASTER_KEY, "{\"name\": \"t\", \"admin\": true, \"team_id\": \"" + team + "\"}")
			.json().path("key").asString();

		assertThat(admin.get("/credentials", teamAdmin).status()).isEqualTo(403);
		assertThat(admin.put("/credentials/x", teamAdmin, "{\"value\": \"v\"}").status()).isEqualTo(403);
		assertThat(admin.delete("/credentials/x", teamAdmin).status()).isEqualTo(403);
		assertThat(admin.post("/credentials/rotate-encryption", teamAdmin, null).status()).isEqualTo(403);
	}

	private CredentialCipher.Sealed sealed(String name) {
		return repository.find(name)
			.map(stored -> new CredentialCipher.Sealed(stored.keyId(), stored.nonce(), stored.ciphertext()))
			.block();
	}

	private static String base64Key(char fill) {
		return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
	}

}
