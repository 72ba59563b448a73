package dev.meridian.admin;

import dev.meridian.gateway.testsupport.AdminApiClient.Reply;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without MERIDIAN_ENCRYPTION_KEY the gateway runs, and refuses to store credentials it could not protect. */
class CredentialsWithoutEncryptionKeyTest extends GatewayIntegrationTest {

	@Test
	void refusesToStoreCredentialsAndSaysWhatToSet() {
		AdminApiClient admin = new AdminApiClient(port);

		Reply refused = admin.put("/credentials/openai", MASTER_KEY, "{\"value\": \"sk-provider\"}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.error().path("code").asString()).isEqualTo("encryption_key_missing");
		assertThat(refused.error().path("message").asString()).contains("MERIDIAN_ENCRYPTION_KEY");
		assertThat(admin.post("/credentials/rotate-encryption", MASTER_KEY, null).status()).isEqualTo(409);
		assertThat(admin.get("/credentials", MASTER_KEY).json().path("data").isEmpty()).isTrue();
	}

}
