package dev.meridian.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** Virtual keys through the admin API with the master key, over real HTTP, on a real database. */
class KeysAdminApiTest extends GatewayIntegrationTest {

	@Autowired
	DatabaseClient db;

	AdminApiClient admin;

	String teamId;

	@BeforeEach
	void team() {
		admin = new AdminApiClient(port);
		teamId = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + unique("keys") + "\"}").json().path("id").asString();
	}

	@Test
	void issuesAKeyWhosePlaintextIsShownOnceAndStoredOnlyAsItsHash() {
		Reply issued = admin.post("/keys", MASTER_KEY, """
				{"name": "ci", "team_id": "%s", "models": ["gpt-4o-mini"], "rpm_limit": 10, "tpm_limit": 5000,
				 "max_budget_usd": 12.5, "budget_period": "weekly", "expires_at": "2099-01-31T00:00:00+01:00",
				 "metadata": {"owner": "ci"}, "default_tier": "medium", "never_downgrade": true}""".formatted(teamId));

		assertThat(issued.status()).isEqualTo(201);
		JsonNode key = issued.json();
		String id = key.path("id").asString();
		String plaintext = key.path("key").asString();
		assertThat(issued.response().headers().firstValue("Location")).hasValue("/api/admin/v1/keys/" + id);
		assertThat(plaintext).matches("sk-mrd-[A-Za-z0-9_-]{43}");
		assertThat(key.path("key_prefix").asString()).isEqualTo(plaintext.substring(0, 12) + "…");
		assertThat(key.path("name").asString()).isEqualTo("ci");
		assertThat(key.path("team_id").asString()).isEqualTo(teamId);
		assertThat(key.path("admin").asBoolean()).isFalse();
		assertThat(key.path("models").get(0).asString()).isEqualTo("gpt-4o-mini");
		assertThat(key.path("rpm_limit").asInt()).isEqualTo(10);
		assertThat(key.path("tpm_limit").asInt()).isEqualTo(5000);
		assertThat(key.path("max_budget_usd").decimalValue()).isEqualByComparingTo("12.5");
		assertThat(key.path("budget_period").asString()).isEqualTo("weekly");
		assertThat(key.path("expires_at").asString()).isEqualTo("2099-01-30T23:00:00Z");
		assertThat(key.path("metadata").path("owner").asString()).isEqualTo("ci");
		assertThat(key.path("default_tier").asString()).isEqualTo("medium");
		assertThat(key.path("never_downgrade").asBoolean()).isTrue();
		assertThat(key.path("status").asString()).isEqualTo("active");
		assertThat(key.has("key_hash")).isFalse();

		Map<String, Object> row = db.sql("SELECT key_hash, key_prefix, row_to_json(virtual_key)::text AS whole"
				+ " FROM virtual_key WHERE id = :id").bind("id", UUID.fromString(id)).fetch().one().block();
		assertThat(row.get("key_hash")).isEqualTo(VirtualKeys.hash(plaintext));
		assertThat((String) row.get("whole")).doesNotContain(plaintext);

		Reply read = admin.get("/keys/" + id, MASTER_KEY);
		assertThat(read.json().has("key")).isFalse();
		assertThat(read.body()).doesNotContain(plaintext).doesNotContain(VirtualKeys.hash(plaintext));
		Reply list = admin.get("/keys?team_id=" + teamId, MASTER_KEY);
		assertThat(list.json().path("data").get(0).path("id").asString()).isEqualTo(id);
		assertThat(list.body()).doesNotContain(plaintext).doesNotContain(VirtualKeys.hash(plaintext));
	}

	@Test
	void rotatingGivesANewSecretUnderTheSameIdOnce() {
		JsonNode key = admin.post("/keys", MASTER_KEY, "{\"name\": \"rotating\", \"team_id\": \"" + teamId + "\"}").json();
		String id = key.path("id").asString();

		Reply rotated = admin.post("/keys/" + id + "/rotate", MASTER_KEY, null);

		assertThat(rotated.status()).isEqualTo(200);
		String newPlaintext = rotated.json().path("key").asString();
		assertThat(rotated.json().path("id").asString()).isEqualTo(id);
		assertThat(newPlaintext).startsWith("sk-mrd-").isNotEqualTo(key.path("key").asString());
		assertThat(rotated.json().path("key_prefix").asString()).isEqualTo(newPlaintext.substring(0, 12) + "…");
		assertThat(rotated.json().path("rotated_at").isNull()).isFalse();
		assertThat(db.sql("SELECT key_hash FROM virtual_key WHERE id = :id")
			.bind("id", UUID.fromString(id))
			.mapValue(String.class)
			.one()
			.block()).isEqualTo(VirtualKeys.hash(newPlaintext));
		assertThat(admin.get("/keys/" + id, MASTER_KEY).json().has("key")).isFalse();
	}

	@Test
	void revokingIsFinalAndIdempotent() {
		String id = admin.post("/keys", MASTER_KEY, "{\"name\": \"doomed\"}").json().path("id").asString();

		Reply revoked = admin.delete("/keys/" + id, MASTER_KEY);
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.json().path("status").asString()).isEqualTo("revoked");
		String revokedAt = revoked.json().path("revoked_at").asString();
		assertThat(revokedAt).isNotEmpty();

		Reply again = admin.delete("/keys/" + id, MASTER_KEY);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("revoked_at").asString()).isEqualTo(revokedAt);

		Reply patch = admin.patch("/keys/" + id, MASTER_KEY, "{\"name\": \"revived\"}");
		assertThat(patch.status()).isEqualTo(409);
		assertThat(patch.error().path("code").asString()).isEqualTo("key_revoked");
		assertThat(admin.post("/keys/" + id + "/rotate", MASTER_KEY, null).status()).isEqualTo(409);
		assertThat(auditActions(id)).containsExactly("create", "revoke");
	}

	@Test
	void aKeyPastItsExpiryIsReportedExpired() {
		String id = admin.post("/keys", MASTER_KEY, "{\"name\": \"ending\", \"team_id\": \"" + teamId + "\"}")
			.json()
			.path("id")
			.asString();

		Reply ended = admin.patch("/keys/" + id, MASTER_KEY,
				"{\"expires_at\": \"" + Instant.now().minusSeconds(60) + "\"}");

		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.json().path("status").asString()).isEqualTo("expired");
		assertThat(admin.get("/keys/" + id, MASTER_KEY).json().path("status").asString()).isEqualTo("expired");
		assertThat(ids(admin.get("/keys?team_id=" + teamId + "&status=expired", MASTER_KEY))).containsExactly(id);
		assertThat(ids(admin.get("/keys?team_id=" + teamId + "&status=active", MASTER_KEY))).isEmpty();

		Reply renewed = admin.patch("/keys/" + id, MASTER_KEY, "{\"expires_at\": null}");
		assertThat(renewed.json().path("status").asString()).isEqualTo("active");
	}

	@Test
	void patchChangesOnlyWhatItNamesAndAuditsOnlyRealChanges() {
		String id = admin.post("/keys", MASTER_KEY, """
				{"name": "svc", "team_id": "%s", "rpm_limit": 5, "max_budget_usd": 3, "metadata": {"a": 1}}"""
			.formatted(teamId)).json().path("id").asString();

		Reply changed = admin.patch("/keys/" + id, MASTER_KEY, """
				{"budget_period": "daily", "rpm_limit": null, "admin": true, "default_tier": "complex"}""");

		JsonNode key = changed.json();
		assertThat(key.path("name").asString()).isEqualTo("svc");
		assertThat(key.path("max_budget_usd").decimalValue()).isEqualByComparingTo("3");
		assertThat(key.path("budget_period").asString()).isEqualTo("daily");
		assertThat(key.path("rpm_limit").isNull()).isTrue();
		assertThat(key.path("admin").asBoolean()).isTrue();
		assertThat(key.path("default_tier").asString()).isEqualTo("complex");
		assertThat(key.path("metadata").path("a").asInt()).isEqualTo(1);

		assertThat(admin.patch("/keys/" + id, MASTER_KEY, "{\"name\": \"svc\"}").status()).isEqualTo(200);
		assertThat(auditActions(id)).containsExactly("create", "update");

		Reply moved = admin.patch("/keys/" + id, MASTER_KEY, "{\"team_id\": null}");
		assertThat(moved.status()).isEqualTo(400);
		assertThat(moved.error().path("param").asString()).isEqualTo("team_id");
	}

	@Test
	void validatesEveryFieldAndNamesEachProblem() {
		Reply invalid = admin.post("/keys", MASTER_KEY, """
				{"team_id": "nope", "rpm_limit": 0, "budget_period": "daily", "expires_at": "tomorrow",
				 "default_tier": "huge", "never_downgrade": "yes", "admin": null, "colour": "red"}""");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.error().path("fields").findValuesAsString("param")).containsExactlyInAnyOrder("colour", "name",
				"team_id", "rpm_limit", "budget_period", "expires_at", "default_tier", "never_downgrade", "admin");

		Reply past = admin.post("/keys", MASTER_KEY, "{\"name\": \"late\", \"expires_at\": \"2020-01-01T00:00:00Z\"}");
		assertThat(past.error().path("param").asString()).isEqualTo("expires_at");

		Reply unknownTeam = admin.post("/keys", MASTER_KEY,
				"{\"name\": \"lost\", \"team_id\": \"" + UUID.randomUUID() + "\"}");
		assertThat(unknownTeam.status()).isEqualTo(400);
		assertThat(unknownTeam.error().path("param").asString()).isEqualTo("team_id");

		Reply badFilter = admin.get("/keys?status=lost&team_id=x", MASTER_KEY);
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(badFilter.error().path("fields").findValuesAsString("param")).containsExactly("team_id", "status");
	}

	@Test
	void unknownAndMalformedIdsAreNotFound() {
		for (String id : new String[] { UUID.randomUUID().toString(), "not-a-uuid" }) {
			assertThat(admin.get("/keys/" + id, MASTER_KEY).status()).isEqualTo(404);
			assertThat(admin.patch("/keys/" + id, MASTER_KEY, "{\"name\": \"x\"}").status()).isEqualTo(404);
			assertThat(admin.delete("/keys/" + id, MASTER_KEY).status()).isEqualTo(404);
			assertThat(admin.post("/keys/" + id + "/rotate", MASTER_KEY, null).status()).isEqualTo(404);
		}
	}

	@Test
	void listsKeysNewestFirstAPageAtATime() {
		String first = admin.post("/keys", MASTER_KEY, "{\"name\": \"k1\", \"team_id\": \"" + teamId + "\"}").json().path("id").asString();
		String second = admin.post("/keys", MASTER_KEY, "{\"name\": \"k2\", \"team_id\": \"" + teamId + "\"}").json().path("id").asString();
		String third = admin.post("/keys", MASTER_KEY, "{\"name\": \"k3\", \"team_id\": \"" + teamId + "\"}").json().path("id").asString();

		Reply page = admin.get("/keys?team_id=" + teamId + "&limit=2", MASTER_KEY);
		assertThat(ids(page)).containsExactly(third, second);
		assertThat(page.json().path("has_more").asBoolean()).isTrue();
		Reply rest = admin.get("/keys?team_id=" + teamId + "&limit=2&offset=2", MASTER_KEY);
		assertThat(ids(rest)).containsExactly(first);
		assertThat(rest.json().path("has_more").asBoolean()).isFalse();
	}

	private List<String> auditActions(String keyId) {
		return db.sql("SELECT action FROM audit_log WHERE entity_type = 'virtual_key' AND entity_id = :id ORDER BY id")
			.bind("id", keyId)
			.mapValue(String.class)
			.all()
			.collectList()
			.block();
	}

	static List<String> ids(Reply page) {
		return page.json().path("data").values().stream().map(key -> key.path("id").asString()).toList();
	}

}
