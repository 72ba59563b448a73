package dev.meridian.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import dev.meridian.gateway.routing.ActiveRoutingTable;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.AdminApiClient.Reply;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The routing configuration through the admin API: shown, edited, rolled back, by platform admins only. */
class RoutingConfigAdminApiTest extends GatewayIntegrationTest {

	@Autowired
	private ActiveRoutingTable active;

	@Test
	void showsTheConfigurationInForceAndItsVersions() throws Exception {
		HttpResponse<String> active = get("/api/admin/v1/routing-config", MASTER_KEY);
		assertThat(active.statusCode()).isEqualTo(200);
		assertThat(active.headers().firstValue("Content-Type")).hasValue("application/yaml");
		assertThat(active.headers().firstValue("x-meridian-config-version")).isPresent();
		assertThat(active.body()).contains("providers:").contains("name: balanced")
			.as("placeholders are stored, not the secrets they stand for")
			.contains("${MERIDIAN_TEST_UPSTREAM_KEY:-")
			.doesNotContain("\"" + UPSTREAM_KEY + "\"");

		HttpResponse<String> versions = get("/api/admin/v1/routing-config/versions", MASTER_KEY);
		assertThat(versions.statusCode()).isEqualTo(200);
		JsonNode list = JsonMapper.shared().readTree(versions.body());
		// Newest first; other tests of this database may have stored versions after the file's.
		JsonNode first = list.get(list.size() - 1);
		assertThat(first.path("version").asInt()).isEqualTo(1);
		assertThat(first.path("source").asString()).isEqualTo("file");
		assertThat(first.path("created_at").asString()).isNotEmpty();
		assertThat(first.path("content_sha256").asString()).hasSize(64);
		assertThat(first.has("content")).isFalse();
		assertThat(list.get(0).path("version").asString())
			.isEqualTo(active.headers().firstValue("x-meridian-config-version").orElseThrow());
	}

	@Test
	void anEditIsCheckedStoredAuditedAndInForceAndARollbackBringsTheOldVersionBack() throws Exception {
		AdminApiClient admin = new AdminApiClient(port);
		HttpResponse<String> before = get("/api/admin/v1/routing-config", MASTER_KEY);
		String base = before.headers().firstValue("x-meridian-config-version").orElseThrow();
		String edited = before.body().replace("models:\n", "models:\n  - { name: edited-in-api, provider: mock }\n");

		Reply invalid = admin.send("PUT", "/routing-config", MASTER_KEY, "models: [ { name: x, provider: nowhere } ]");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.error().path("message").asString()).contains("nowhere");
		assertThat(get("/api/admin/v1/routing-config", MASTER_KEY).headers().firstValue("x-meridian-config-version"))
			.hasValue(base);

		Reply stored = admin.put("/routing-config", MASTER_KEY, edited);
		assertThat(stored.status()).as(stored.body()).isEqualTo(200);
		int version = stored.json().path("version").asInt();
		assertThat(version).isGreaterThan(Integer.parseInt(base));
		assertThat(stored.json().path("source").asString()).isEqualTo("api");
		assertThat(stored.json().path("created_by").asString()).isEqualTo("master-key");
		await().atMost(Duration.ofSeconds(1)).until(() -> active.get().group("edited-in-api") != null);

		Reply stale = admin.send("PUT", "/routing-config", MASTER_KEY, edited, base);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.error().path("code").asString()).isEqualTo("version_conflict");

		Reply rolledBack = admin.post("/routing-config/rollback/" + base, MASTER_KEY, null);
		assertThat(rolledBack.status()).isEqualTo(200);
		assertThat(rolledBack.json().path("source").asString()).isEqualTo("rollback");
		await().atMost(Duration.ofSeconds(1)).until(() -> active.get().group("edited-in-api") == null);
		assertThat(get("/api/admin/v1/routing-config", MASTER_KEY).body()).isEqualTo(before.body());
		assertThat(admin.post("/routing-config/rollback/99999", MASTER_KEY, null).status()).isEqualTo(404);

		JsonNode audit = admin.get("/audit?entity_type=routing_config&entity_id=" + version, MASTER_KEY).json();
		assertThat(audit.path("data").get(0).path("action").asString()).isEqualTo("update");
	}

	@Test
	void onlyPlatformAdminsChangeTheConfiguration() {
		AdminApiClient admin = new AdminApiClient(port);
		String team = admin.post("/teams", MASTER_KEY, "{\"name\":\"config-" + UUID.randomUUID() + "\"}")
			.json()
			.path("id")
			.asString();
		String teamAdmin = admin.post("/keys", MASTER_KEY, "{\"name\":\"team-admin\",\"admin\":true,\"team_id\":\""
				+ team + "\"}").json().path("key").asString();
		assertThat(admin.put("/routing-config", teamAdmin, "models: []").status()).isEqualTo(403);
		assertThat(admin.post("/routing-config/rollback/1", teamAdmin, null).status()).isEqualTo(403);
	}

	@Test
	void refusesCallersWithoutTheMasterKey() throws Exception {
		assertThat(get("/api/admin/v1/routing-config", "sk-wrong").statusCode()).isEqualTo(401);
		HttpResponse<String> anonymous = TestHttp.client()
			.send(TestHttp.request("http://127.0.0.1:" + port + "/api/admin/v1/routing-config/versions").build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"code\":\"invalid_api_key\"");
	}

	private HttpResponse<String> get(String path, String key) throws Exception {
		return TestHttp.client()
			.send(TestHttp.request("http://127.0.0.1:" + port + path).header("Authorization", "Bearer " + key).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
