package dev.meridian.admin;

import java.util.UUID;

import dev.meridian.gateway.testsupport.AdminApiClient.Reply;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Teams through the admin API with the master key, over real HTTP, on a real database. */
class TeamsAdminApiTest extends GatewayIntegrationTest {

	@Autowired
	DatabaseClient db;

	AdminApiClient admin;

	@BeforeEach
	void client() {
		admin = new AdminApiClient(port);
	}

	@Test
	void createsReadsListsUpdatesAndDeletesATeam() {
		String name = unique("research");
		Reply created = admin.post("/teams", MASTER_KEY, """
				{"name": "%s", "models": ["gpt-4o", "gpt-4o-mini", "gpt-4o"], "rpm_limit": 60, "tpm_limit": 100000,
				 "max_budget_usd": 250.5, "budget_period": "monthly", "metadata": {"cost_center": "R&D"}}
				""".formatted(name));

		assertThat(created.status()).isEqualTo(201);
		JsonNode team = created.json();
		String id = team.path("id").asString();
		assertThat(created.response().headers().firstValue("Location")).hasValue("/api/admin/v1/teams/" + id);
		assertThat(team.path("name").asString()).isEqualTo(name);
		assertThat(team.path("models").toString()).isEqualTo("[\"gpt-4o\",\"gpt-4o-mini\"]");
		assertThat(team.path("rpm_limit").asInt()).isEqualTo(60);
		assertThat(team.path("tpm_limit").asLong()).isEqualTo(100_000);
		assertThat(team.path("max_budget_usd").decimalValue()).isEqualByComparingTo("250.5");
		assertThat(team.path("budget_period").asString()).isEqualTo("monthly");
		assertThat(team.path("metadata").path("cost_center").asString()).isEqualTo("R&D");
		assertThat(team.path("created_at").asString()).endsWith("Z");

		assertThat(admin.get("/teams/" + id, MASTER_KEY).json()).isEqualTo(team);

		Reply updated = admin.patch("/teams/" + id, MASTER_KEY, """
				{"name": "%s-eu", "rpm_limit": null, "max_budget_usd": 100}""".formatted(name));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("name").asString()).isEqualTo(name + "-eu");
		assertThat(updated.json().path("rpm_limit").isNull()).isTrue();
		assertThat(updated.json().path("tpm_limit").asLong()).as("left out: unchanged").isEqualTo(100_000);
		assertThat(updated.json().path("max_budget_usd").decimalValue()).isEqualByComparingTo("100");
		assertThat(updated.json().path("budget_period").asString()).as("kept").isEqualTo("monthly");

		assertThat(admin.delete("/teams/" + id, MASTER_KEY).status()).isEqualTo(204);
		assertThat(admin.get("/teams/" + id, MASTER_KEY).status()).isEqualTo(404);
		assertThat(admin.delete("/teams/" + id, MASTER_KEY).status()).isEqualTo(404);
	}

	@Test
	void aBudgetWithoutPeriodIsATotalBudgetAndAPeriodNeedsABudget() {
		Reply total = admin.post("/teams", MASTER_KEY, """
				{"name": "%s", "max_budget_usd": 40}""".formatted(unique("total")));
		assertThat(total.status()).isEqualTo(201);
		assertThat(total.json().path("budget_period").asString()).isEqualTo("total");

		Reply periodOnly = admin.post("/teams", MASTER_KEY, """
				{"name": "%s", "budget_period": "daily"}""".formatted(unique("period")));
		assertThat(periodOnly.status()).isEqualTo(400);
		assertThat(periodOnly.error().path("param").asString()).isEqualTo("budget_period");

		String id = total.json().path("id").asString();
		Reply cleared = admin.patch("/teams/" + id, MASTER_KEY, "{\"max_budget_usd\": null}");
		assertThat(cleared.json().path("max_budget_usd").isNull()).isTrue();
		assertThat(cleared.json().path("budget_period").isNull()).isTrue();
	}

	@Test
	void listsTeamsByNameAPageAtATime() {
		String prefix = unique("page");
		for (String suffix : new String[] { "c", "a", "b" }) {
			assertThat(admin.post("/teams", MASTER_KEY, "{\"name\": \"" + prefix + "-" + suffix + "\"}").status())
				.isEqualTo(201);
		}

		JsonNode all = admin.get("/teams?limit=500", MASTER_KEY).json();
		assertThat(all.path("limit").asInt()).isEqualTo(500);
		assertThat(all.path("offset").asInt()).isZero();
		assertThat(all.path("has_more").asBoolean()).isFalse();
		int first = indexOf(all, prefix + "-a");
		assertThat(first).isNotNegative();

		JsonNode page = admin.get("/teams?limit=2&offset=" + first, MASTER_KEY).json();
		assertThat(page.path("data").size()).isEqualTo(2);
		assertThat(page.path("data").get(0).path("name").asString()).isEqualTo(prefix + "-a");
		assertThat(page.path("data").get(1).path("name").asString()).isEqualTo(prefix + "-b");
		assertThat(page.path("has_more").asBoolean()).isTrue();

		Reply badPaging = admin.get("/teams?limit=0&offset=-1", MASTER_KEY);
		assertThat(badPaging.status()).isEqualTo(400);
		assertThat(badPaging.error().path("fields").findValuesAsString("param")).containsExactly("limit", "offset");
	}

	@Test
	void namesAreUnique() {
		String name = unique("taken");
		assertThat(admin.post("/teams", MASTER_KEY, "{\"name\": \"" + name + "\"}").status()).isEqualTo(201);
		Reply other = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + name + "-2\"}");

		Reply duplicate = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + name + "\"}");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.error().path("code").asString()).isEqualTo("name_taken");
		Reply rename = admin.patch("/teams/" + other.json().path("id").asString(), MASTER_KEY,
				"{\"name\": \"" + name + "\"}");
		assertThat(rename.status()).isEqualTo(409);
	}

	@Test
	void refusesToOrphanWorkingKeysWhenATeamIsDeleted() {
		String teamId = admin.post("/teams", MASTER_KEY, "{\"name\": \"" + unique("closing") + "\"}").json().path("id").asString();
		String keyId = admin.post("/keys", MASTER_KEY, "{\"name\": \"svc\", \"team_id\": \"" + teamId + "\"}")
			.json()
			.path("id")
			.asString();

		Reply refused = admin.delete("/teams/" + teamId, MASTER_KEY);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.error().path("code").asString()).isEqualTo("team_has_active_keys");
		assertThat(admin.get("/teams/" + teamId, MASTER_KEY).status()).isEqualTo(200);

		assertThat(admin.delete("/teams/" + teamId + "?revoke_keys=true", MASTER_KEY).status()).isEqualTo(204);
		JsonNode key = admin.get("/keys/" + keyId, MASTER_KEY).json();
		assertThat(key.path("status").asString()).isEqualTo("revoked");
		assertThat(key.path("team_id").isNull()).isTrue();
		assertThat(db.sql("SELECT action FROM audit_log WHERE entity_id = :id ORDER BY id")
			.bind("id", keyId)
			.mapValue(String.class)
			.all()
			.collectList()
			.block()).containsExactly("create", "revoke");
	}

	@Test
	void validatesEveryFieldAndNamesEachProblem() {
		Reply invalid = admin.post("/teams", MASTER_KEY, """
				{"name": " ", "models": [], "rpm_limit": 1.5, "tpm_limit": -1, "max_budget_usd": "ten",
				 "budget_period": "yearly", "metadata": [1], "owner": "me"}""");

		assertThat(invalid.status()).isEqualTo(400);
		JsonNode error = invalid.error();
		assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.path("code").asString()).isEqualTo("invalid_value");
		assertThat(error.path("param").asString()).isEqualTo("owner");
		assertThat(error.path("fields").findValuesAsString("param")).containsExactlyInAnyOrder("owner", "name",
				"models", "rpm_limit", "tpm_limit", "max_budget_usd", "budget_period", "metadata");
		assertThat(error.path("message").asString()).startsWith("8 problems: ");

		Reply missingName = admin.post("/teams", MASTER_KEY, "{}");
		assertThat(missingName.error().path("param").asString()).isEqualTo("name");
		assertThat(missingName.error().path("message").asString()).isEqualTo("name: is required");

		Reply notJson = admin.post("/teams", MASTER_KEY, "{\"name\": ");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.error().path("code").asString()).isEqualTo("invalid_json");
		assertThat(admin.post("/teams", MASTER_KEY, "[]").status()).isEqualTo(400);
		assertThat(admin.post("/teams", MASTER_KEY, null).status()).isEqualTo(400);
	}

	@Test
	void unknownAndMalformedIdsAreNotFound() {
		for (String id : new String[] { UUID.randomUUID().toString(), "not-a-uuid", "1" }) {
			Reply missing = admin.get("/teams/" + id, MASTER_KEY);
			assertThat(missing.status()).isEqualTo(404);
			assertThat(missing.error().path("code").asString()).isEqualTo("not_found");
			assertThat(admin.patch("/teams/" + id, MASTER_KEY, "{\"rpm_limit\": 1}").status()).isEqualTo(404);
			assertThat(admin.delete("/teams/" + id, MASTER_KEY).status()).isEqualTo(404);
		}
		Reply unknownPath = admin.get("/nothing-here", MASTER_KEY);
		assertThat(unknownPath.status()).isEqualTo(404);
		assertThat(unknownPath.error().path("message").asString()).contains("Unknown admin API path");
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static int indexOf(JsonNode page, String name) {
		for (int i = 0; i < page.path("data").size(); i++) {
			if (page.path("data").get(i).path("name").asString().equals(name)) {
				return i;
			}
		}
		return -1;
	}

}
