package dev.meridian.admin;

import java.net.http.HttpResponse;
import java.time.Instant;

import dev.meridian.gateway.testsupport.AdminApiClient.Reply;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.meridian.admin.KeysAdminApiTest.ids;
import static dev.meridian.admin.TeamsAdminApiTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what on the admin API: the master key and team-less admin keys everything, a team's
 * admin key only its own team's keys, a key without the admin flag nothing.
 */
class AdminAuthorizationTest extends GatewayIntegrationTest {

	AdminApiClient admin;

	String ownTeam;

	String otherTeam;

	String teamAdminKey;

	String teamAdminKeyId;

	@BeforeEach
	void twoTeamsAndAnAdminKeyForOne() {
		admin = new AdminApiClient(port);
		ownTeam = createTeam("own");
		otherTeam = createTeam("other");
		JsonNode key = admin.post("/keys", MASTER_KEY,
				"{\"name\": \"team admin\", \"admin\": true, \"team_id\": \"" + ownTeam + "\"}").json();
		teamAdminKey = key.path("key").asString();
		teamAdminKeyId = key.path("id").asString();
	}

	@Test
	void aKeyWithoutTheAdminFlagIsRefusedAndUnknownRevokedOrExpiredKeysAreUnauthenticated() {
		String plain = admin.post("/keys", MASTER_KEY, "{\"name\": \"client\", \"team_id\": \"" + ownTeam + "\"}")
			.json()
			.path("key")
			.asString();

		Reply forbidden = admin.get("/keys", plain);
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.error().path("type").asString()).isEqualTo("permission_error");
		assertThat(forbidden.error().path("code").asString()).isEqualTo("permission_denied");

		for (String key : new String[] { "sk-mrd-unknown", "", MASTER_KEY + "x" }) {
			Reply unknown = admin.get("/keys", key);
			assertThat(unknown.status()).isEqualTo(401);
			assertThat(unknown.error().path("code").asString()).isEqualTo("invalid_api_key");
		}
		assertThat(admin.get("/keys", null).status()).isEqualTo(401);

		JsonNode expiring = admin.post("/keys", MASTER_KEY, "{\"name\": \"ending admin\", \"admin\": true}").json();
		assertThat(admin.get("/keys", expiring.path("key").asString()).status()).isEqualTo(200);
		admin.patch("/keys/" + expiring.path("id").asString(), MASTER_KEY,
				"{\"expires_at\": \"" + Instant.now().minusSeconds(1) + "\"}");
		assertThat(admin.get("/keys", expiring.path("key").asString()).status()).isEqualTo(401);

		admin.delete("/keys/" + teamAdminKeyId, MASTER_KEY);
		assertThat(admin.get("/keys", teamAdminKey).status()).isEqualTo(401);
	}

	@Test
	void anAdminKeyWorksAsBearerAndAsXApiKeyAndStopsWorkingWhenRotated() throws Exception {
		HttpResponse<String> viaHeader = TestHttp.client()
			.send(TestHttp.request("http://127.0.0.1:" + port + "/api/admin/v1/teams")
				.header("x-api-key", teamAdminKey)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(viaHeader.statusCode()).isEqualTo(200);

		String rotated = admin.post("/keys/" + teamAdminKeyId + "/rotate", MASTER_KEY, null).json().path("key").asString();

		assertThat(admin.get("/teams", teamAdminKey).status()).isEqualTo(401);
		assertThat(admin.get("/teams", rotated).status()).isEqualTo(200);
	}

	@Test
	void aTeamAdminSeesOnlyItsOwnTeam() {
		JsonNode teams = admin.get("/teams", teamAdminKey).json();
		assertThat(teams.path("data").findValuesAsString("id")).containsExactly(ownTeam);
		assertThat(admin.get("/teams/" + ownTeam, teamAdminKey).status()).isEqualTo(200);
		assertThat(admin.get("/teams/" + otherTeam, teamAdminKey).status()).isEqualTo(404);

		assertThat(admin.post("/teams", teamAdminKey, "{\"name\": \"" + unique("mine") + "\"}").status()).isEqualTo(403);
		assertThat(admin.patch("/teams/" + ownTeam, teamAdminKey, "{\"max_budget_usd\": 1000000}").status())
			.isEqualTo(403);
		assertThat(admin.delete("/teams/" + ownTeam, teamAdminKey).status()).isEqualTo(403);
		assertThat(admin.patch("/teams/" + otherTeam, teamAdminKey, "{\"rpm_limit\": 1}").status()).isEqualTo(404);
		assertThat(admin.delete("/teams/" + otherTeam, teamAdminKey).status()).isEqualTo(404);
	}

	@Test
	void aTeamAdminManagesItsOwnTeamsKeysOnly() {
		String otherKey = admin.post("/keys", MASTER_KEY, "{\"name\": \"theirs\", \"team_id\": \"" + otherTeam + "\"}")
			.json()
			.path("id")
			.asString();
		String platformKey = admin.post("/keys", MASTER_KEY, "{\"name\": \"platform\"}").json().path("id").asString();

		Reply issued = admin.post("/keys", teamAdminKey, "{\"name\": \"ours\"}");
		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().path("team_id").asString()).as("the caller's team by default").isEqualTo(ownTeam);
		String ours = issued.json().path("id").asString();
		Reply ourAdmin = admin.post("/keys", teamAdminKey,
				"{\"name\": \"deputy\", \"admin\": true, \"team_id\": \"" + ownTeam + "\"}");
		assertThat(ourAdmin.status()).isEqualTo(201);

		assertThat(admin.post("/keys", teamAdminKey, "{\"name\": \"x\", \"team_id\": \"" + otherTeam + "\"}").status())
			.isEqualTo(403);
		assertThat(ids(admin.get("/keys?limit=500", teamAdminKey))).contains(ours, teamAdminKeyId)
			.doesNotContain(otherKey, platformKey);
		assertThat(ids(admin.get("/keys?team_id=" + otherTeam, teamAdminKey))).isEmpty();

		for (String foreign : new String[] { otherKey, platformKey }) {
			assertThat(admin.get("/keys/" + foreign, teamAdminKey).status()).isEqualTo(404);
			assertThat(admin.patch("/keys/" + foreign, teamAdminKey, "{\"name\": \"mine now\"}").status()).isEqualTo(404);
			assertThat(admin.delete("/keys/" + foreign, teamAdminKey).status()).isEqualTo(404);
			assertThat(admin.post("/keys/" + foreign + "/rotate", teamAdminKey, null).status()).isEqualTo(404);
		}

		assertThat(admin.patch("/keys/" + ours, teamAdminKey, "{\"rpm_limit\": 30}").status()).isEqualTo(200);
		assertThat(admin.delete("/keys/" + ours, teamAdminKey).json().path("status").asString()).isEqualTo("revoked");
		assertThat(admin.get("/credentials", teamAdminKey).status()).isEqualTo(403);
		assertThat(admin.put("/credentials/openai", teamAdminKey, "{\"value\": \"sk\"}").status()).isEqualTo(403);
	}

	@Test
	void aTeamlessAdminKeyIsAPlatformAdminAndIsNamedInTheAuditLog() {
		JsonNode platformAdmin = admin.post("/keys", MASTER_KEY, "{\"name\": \"ops\", \"admin\": true}").json();
		String key = platformAdmin.path("key").asString();

		Reply team = admin.post("/teams", key, "{\"name\": \"" + unique("by-ops") + "\"}");
		assertThat(team.status()).isEqualTo(201);
		assertThat(admin.get("/keys/" + teamAdminKeyId, key).status()).isEqualTo(200);

		JsonNode entries = admin.get("/audit?entity_type=team&entity_id=" + team.json().path("id").asString(), MASTER_KEY)
			.json()
			.path("data");
		assertThat(entries.get(0).path("actor").asString()).isEqualTo("key:" + platformAdmin.path("id").asString());
	}

	private String createTeam(String name) {
		return admin.post("/teams", MASTER_KEY, "{\"name\": \"" + unique(name) + "\"}").json().path("id").asString();
	}

}
