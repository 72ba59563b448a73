package dev.meridian.admin;

import java.time.Instant;
import java.util.List;

import dev.meridian.gateway.testsupport.AdminApiClient.Reply;
import dev.meridian.db.governance.VirtualKeys;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

import static dev.meridian.admin.TeamsAdminApiTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Every change through the admin API leaves one audit entry with what the thing was before and after. */
class AuditAdminApiTest extends GatewayIntegrationTest {

	@Autowired
	DatabaseClient db;

	AdminApiClient admin;

	@BeforeEach
	void client() {
		admin = new AdminApiClient(port);
	}

	@Test
	void recordsEachChangeWithBeforeAndAfterButNoSecrets() {
		Instant start = Instant.now();
		String teamName = unique("audited");
		String teamId = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + teamName + "\"}").json().path("id").asString();
		admin.patch("/teams/" + teamId, MASTER_KEY, "{\"rpm_limit\": 100}");
		JsonNode key = admin.post("/keys", MASTER_KEY, "{\"name\": \"a\", \"team_id\": \"" + teamId + "\"}").json();
		String keyId = key.path("id").asString();
		String rotated = admin.post("/keys/" + keyId + "/rotate", MASTER_KEY, null).json().path("key").asString();
		admin.delete("/keys/" + keyId, MASTER_KEY);

		JsonNode team = admin.get("/audit?entity_type=team&entity_id=" + teamId, MASTER_KEY).json().path("data");
		assertThat(actions(team)).containsExactly("update", "create");
		JsonNode update = team.get(0);
		assertThat(update.path("actor").asString()).isEqualTo("master-key");
		assertThat(update.path("before").path("rpm_limit").isNull()).isTrue();
		assertThat(update.path("after").path("rpm_limit").asInt()).isEqualTo(100);
		assertThat(update.path("after").path("name").asString()).isEqualTo(teamName);
		assertThat(Instant.parse(update.path("occurred_at").asString())).isAfterOrEqualTo(start.minusSeconds(1));
		JsonNode create = team.get(1);
		assertThat(create.path("before").isNull()).isTrue();
		assertThat(create.path("after").path("id").asString()).isEqualTo(teamId);

		Reply keyEntries = admin.get("/audit?entity_type=virtual_key&entity_id=" + keyId, MASTER_KEY);
		JsonNode entries = keyEntries.json().path("data");
		assertThat(actions(entries)).containsExactly("revoke", "rotate", "create");
		assertThat(entries.get(0).path("before").path("status").asString()).isEqualTo("active");
		assertThat(entries.get(0).path("after").path("status").asString()).isEqualTo("revoked");
		assertThat(entries.get(1).path("before").path("key_prefix").asString())
			.isEqualTo(key.path("key_prefix").asString());
		assertThat(entries.get(1).path("after").path("key_prefix").asString()).isEqualTo(rotated.substring(0, 12) + "…");
		assertThat(entries.get(2).path("after").path("team_id").asString()).isEqualTo(teamId);

		String everything = String.join("\n", db.sql("SELECT row_to_json(audit_log)::text FROM audit_log")
			.mapValue(String.class)
			.all()
			.collectList()
			.block());
		for (String secret : List.of(key.path("key").asString(), rotated, VirtualKeys.hash(rotated),
				VirtualKeys.hash(key.path("key").asString()))) {
			assertThat(everything).doesNotContain(secret);
		}
		assertThat(everything).doesNotContain("key_hash");
	}

	@Test
	void filtersByActorAndTimeAPageAtATime() {
		JsonNode ops = admin.post("/keys", MASTER_KEY, "{\"name\": \"ops\", \"admin\": true}").json();
		String actor = "key:" + ops.path("id").asString();
		Instant before = Instant.now();
		for (int i = 0; i < 3; i++) {
			admin.post("/teams", ops.path("key").asString(), "{\"name\": \"" + unique("by-ops") + "\"}");
		}

		JsonNode page = admin.get("/audit?actor=" + actor + "&limit=2", MASTER_KEY).json();
		assertThat(page.path("data").size()).isEqualTo(2);
		assertThat(page.path("has_more").asBoolean()).isTrue();
		JsonNode rest = admin.get("/audit?actor=" + actor + "&limit=2&offset=2", MASTER_KEY).json();
		assertThat(rest.path("data").size()).isEqualTo(1);
		assertThat(rest.path("has_more").asBoolean()).isFalse();
		assertThat(page.path("data").get(0).path("id").asLong()).isGreaterThan(page.path("data").get(1).path("id").asLong());

		assertThat(admin.get("/audit?actor=" + actor + "&to=" + before.minusSeconds(5), MASTER_KEY).json().path("data").size())
			.isZero();
		assertThat(admin.get("/audit?actor=" + actor + "&from=" + before.minusSeconds(5), MASTER_KEY).json().path("data").size())
			.isEqualTo(3);

		Reply bad = admin.get("/audit?from=yesterday&limit=9999", MASTER_KEY);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.error().path("fields").findValuesAsString("param")).containsExactly("from", "limit");
	}

	@Test
	void aTeamAdminSeesEntriesAboutItsTeamOnly() {
		String ownTeam = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + unique("own") + "\"}").json().path("id").asString();
		String otherTeam = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + unique("other") + "\"}").json().path("id").asString();
		JsonNode teamAdmin = admin.post("/keys", MASTER_KEY,
				"{\"name\": \"lead\", \"admin\": true, \"team_id\": \"" + ownTeam + "\"}").json();
		String ownKey = admin.post("/keys", MASTER_KEY, "{\"name\": \"ours\", \"team_id\": \"" + ownTeam + "\"}")
			.json().path("id").asString();
		admin.delete("/keys/" + ownKey, MASTER_KEY);
		admin.post("/keys", MASTER_KEY, "{\"name\": \"theirs\", \"team_id\": \"" + otherTeam + "\"}");
		admin.post("/keys", MASTER_KEY, "{\"name\": \"platform\"}");

		JsonNode seen = admin.get("/audit?limit=500", teamAdmin.path("key").asString()).json().path("data");

		assertThat(seen.size()).isEqualTo(4);
		assertThat(seen.findValuesAsString("entity_id")).containsExactly(ownKey, ownKey,
				teamAdmin.path("id").asString(), ownTeam);
	}

	private static List<String> actions(JsonNode entries) {
		return entries.values().stream().map(entry -> entry.path("action").asString()).toList();
	}

}
