package dev.meridian.admin;

import java.net.http.HttpResponse;

import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API shows the stored routing configuration to holders of the master key only. */
class RoutingConfigAdminApiTest extends GatewayIntegrationTest {

	@Test
	void showsTheConfigurationInForceAndItsVersions() throws Exception {
		HttpResponse<String> active = get("/api/admin/v1/routing-config", MASTER_KEY);
		assertThat(active.statusCode()).isEqualTo(200);
		assertThat(active.headers().firstValue("Content-Type")).hasValue("application/yaml");
		assertThat(active.headers().firstValue("x-meridian-config-version")).hasValue("1");
		assertThat(active.body()).contains("providers:").contains("name: balanced")
			.as("placeholders are stored, not the secrets they stand for")
			.contains("${MERIDIAN_TEST_UPSTREAM_KEY:-")
			.doesNotContain("\"" + UPSTREAM_KEY + "\"");

		HttpResponse<String> versions = get("/api/admin/v1/routing-config/versions", MASTER_KEY);
		assertThat(versions.statusCode()).isEqualTo(200);
		JsonNode list = JsonMapper.shared().readTree(versions.body());
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).path("version").asInt()).isEqualTo(1);
		assertThat(list.get(0).path("source").asString()).isEqualTo("file");
		assertThat(list.get(0).path("created_at").asString()).isNotEmpty();
		assertThat(list.get(0).path("content_sha256").asString()).hasSize(64);
		assertThat(list.get(0).has("content")).isFalse();
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
