package dev.meridian.gateway.governance;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import dev.meridian.MeridianApplication;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.TestGateways;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.GovernanceRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Virtual keys as clients use them: written to the database (as the admin API does), in force on
 * every replica within a second, refused once revoked or expired, limited to their models.
 */
class VirtualKeysTest extends GatewayIntegrationTest {

	private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

	private static ConfigurableApplicationContext secondReplica;

	@Autowired
	private DatabaseClient db;

	private GovernanceRows keys;

	@BeforeEach
	void keysAndAWarmClient() {
		keys = new GovernanceRows(db);
		// The first call of the SDK in a JVM loads its classes: not part of what the bounds below measure.
		assertThat(chat(baseUrl(), MASTER_KEY).model()).isEqualTo("gpt-4o-mini");
	}

	@AfterAll
	static void stopSecondReplica() {
		if (secondReplica != null) {
			secondReplica.close();
		}
	}

	@Test
	void aNewKeyWorksOnEveryReplicaAndARevokedOneIsRefusedWithinASecond() {
		String second = "http://127.0.0.1:" + secondReplicaPort() + "/v1";
		GovernanceRows.Issued key = keys.issue("revocable", "");

		await().atMost(WITHIN_A_SECOND).ignoreExceptions().until(() -> chat(baseUrl(), key.plaintext()) != null);
		await().atMost(WITHIN_A_SECOND).ignoreExceptions().until(() -> chat(second, key.plaintext()) != null);

		keys.update(key.id(), "status = 'revoked', revoked_at = now()");

		for (String gateway : List.of(baseUrl(), second)) {
			await().atMost(WITHIN_A_SECOND).untilAsserted(() -> assertThatThrownBy(() -> chat(gateway, key.plaintext()))
				.isInstanceOf(UnauthorizedException.class)
				.hasMessageContaining("Incorrect API key"));
		}
	}

	@Test
	void aKeyIssuedByTheAdminApiWorksAtOnceAndStopsWhenRevoked() {
		AdminApiClient admin = new AdminApiClient(port);
		AdminApiClient.Reply issued = admin.post("/keys", MASTER_KEY, "{\"name\": \"sdk-user\"}");
		assertThat(issued.status()).isEqualTo(201);
		String plaintext = issued.json().path("key").asString();
		String id = issued.json().path("id").asString();

		await().atMost(WITHIN_A_SECOND).ignoreExceptions().until(() -> chat(baseUrl(), plaintext) != null);
		assertThat(admin.delete("/keys/" + id, MASTER_KEY).status()).isEqualTo(200);
		await().atMost(WITHIN_A_SECOND).untilAsserted(() -> assertThatThrownBy(() -> chat(baseUrl(), plaintext))
			.isInstanceOf(UnauthorizedException.class));
	}

	@Test
	void anExpiredKeyIsRefused() {
		GovernanceRows.Issued key = keys.issue("expired", "expires_at = now() - interval '1 minute'");
		await().atMost(WITHIN_A_SECOND).untilAsserted(() -> assertThatThrownBy(() -> chat(baseUrl(), key.plaintext()))
			.isInstanceOf(UnauthorizedException.class)
			.hasMessageContaining("expired"));
	}

	@Test
	void aRotatedKeyStopsMatchingItsOldPlaintext() {
		GovernanceRows.Issued key = keys.issue("rotated", "");
		await().atMost(WITHIN_A_SECOND).ignoreExceptions().until(() -> chat(baseUrl(), key.plaintext()) != null);
		GovernanceRows.Issued replacement = keys.issue("scratch", "");
		keys.update(replacement.id(), "key_hash = 'x'");
		keys.update(key.id(), "key_hash = encode(sha256(convert_to('" + replacement.plaintext() + "', 'UTF8')), 'hex')");

		await().atMost(WITHIN_A_SECOND).untilAsserted(() -> assertThatThrownBy(() -> chat(baseUrl(), key.plaintext()))
			.isInstanceOf(UnauthorizedException.class));
		assertThat(chat(baseUrl(), replacement.plaintext()).model()).isEqualTo("gpt-4o-mini");
	}

	@Test
	void aKeyMayOnlyUseItsModelsAndItsTeamsModels() {
		UUID team = keys.team("analytics-" + UUID.randomUUID(), "models = ARRAY['gpt-4o-mini', 'balanced']");
		GovernanceRows.Issued narrow = keys.issue("narrow", "models = ARRAY['gpt-4o-mini']");
		GovernanceRows.Issued inTeam = keys.issue("in-team", "team_id = '" + team + "'");
		await().atMost(WITHIN_A_SECOND).ignoreExceptions().until(() -> chat(baseUrl(), narrow.plaintext()) != null);
		await().atMost(WITHIN_A_SECOND).ignoreExceptions().until(() -> chat(baseUrl(), inTeam.plaintext()) != null);

		assertThatThrownBy(() -> chat(baseUrl(), narrow.plaintext(), "balanced"))
			.isInstanceOfSatisfying(PermissionDeniedException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.getMessage()).contains("not allowed to use the model 'balanced'");
			});
		assertThat(chat(baseUrl(), inTeam.plaintext(), "balanced").model()).isEqualTo("balanced");
		assertThatThrownBy(() -> chat(baseUrl(), inTeam.plaintext(), "same-name"))
			.isInstanceOf(PermissionDeniedException.class);
		assertThat(upstream.requests()).noneMatch(request -> request.body().contains("same-name"));
		assertThatThrownBy(() -> chat(baseUrl(), narrow.plaintext(), "no-such-model"))
			.as("a name that does not exist is unknown, not forbidden")
			.isInstanceOf(NotFoundException.class);

		List<String> listed = openAi(narrow.plaintext()).models().list().items().stream().map(Model::id).toList();
		assertThat(listed).containsExactly("gpt-4o-mini");
	}

	private ChatCompletion chat(String gateway, String key) {
		return chat(gateway, key, "gpt-4o-mini");
	}

	private ChatCompletion chat(String gateway, String key, String model) {
		return com.openai.client.okhttp.OpenAIOkHttpClient.builder()
			.baseUrl(gateway)
			.apiKey(key)
			.maxRetries(0)
			.build()
			.chat()
			.completions()
			.create(ChatCompletionCreateParams.builder().model(model).addUserMessage("hello").build());
	}

	private static synchronized int secondReplicaPort() {
		if (secondReplica == null) {
			secondReplica = new SpringApplicationBuilder(MeridianApplication.class).run("--server.port=0",
					"--meridian.database.url=" + databaseUrl(), "--meridian.config=" + configFile(),
					"--meridian.master-key=" + MASTER_KEY, "--meridian.data-dir=" + TestGateways.dataDirectory());
		}
		return ((WebServerApplicationContext) secondReplica).getWebServer().getPort();
	}

}
