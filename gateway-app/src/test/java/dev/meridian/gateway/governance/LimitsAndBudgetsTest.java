package dev.meridian.gateway.governance;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestClock;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits and budgets of keys and teams as clients meet them: 429 with the right code and the
 * {@code x-ratelimit-*} headers, budgets reached mid-period and starting again at the boundary.
 */
class LimitsAndBudgetsTest extends GatewayIntegrationTest {

	private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

	@Autowired
	private TestClock clock;

	@Autowired
	private DatabaseClient db;

	@Autowired
	private KeyDirectory directory;

	private AdminApiClient admin;

	@BeforeEach
	void admin() {
		admin = new AdminApiClient(port);
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void aKeyGetsItsRequestsPerMinuteThenA429WithRateLimitHeaders() throws Exception {
		String key = issue("{\"name\":\"rpm\",\"rpm_limit\":3}");

		for (int remaining = 2; remaining >= 0; remaining--) {
			HttpResponse<String> ok = chat(key);
			assertThat(ok.statusCode()).isEqualTo(200);
			assertThat(ok.headers().firstValue("x-ratelimit-limit-requests")).hasValue("3");
			assertThat(ok.headers().firstValue("x-ratelimit-remaining-requests")).hasValue(Integer.toString(remaining));
			assertThat(ok.headers().firstValue("x-ratelimit-reset-requests")).isPresent();
		}
		HttpResponse<String> refused = chat(key);
		assertThat(refused.statusCode()).isEqualTo(429);
		JsonNode error = error(refused);
		assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(error.path("message").asString()).contains("requests per minute");
		assertThat(refused.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
		assertThat(refused.headers().firstValue("retry-after")).isPresent();
		assertThat(upstream.requests()).hasSize(3);
	}

	@Test
	void tokensPerMinuteAreCountedFromUsageAfterEachAnswer() throws Exception {
		// Every mock answer reports 29 tokens (19 in, 10 out).
		String key = issue("{\"name\":\"tpm\",\"tpm_limit\":50}");

		HttpResponse<String> first = chat(key);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("50");
		await().atMost(Duration.ofSeconds(2)).until(() -> {
			HttpResponse<String> next = chat(key);
			return next.statusCode() == 429
					&& error(next).path("message").asString().contains("tokens per minute");
		});
	}

	@Test
	void theTighterOfTeamAndKeyLimitsApplies() throws Exception {
		String team = admin.post("/teams", MASTER_KEY, "{\"name\":\"limited-" + UUID.randomUUID() + "\",\"rpm_limit\":2}")
			.json()
			.path("id")
			.asString();
		String key = issue("{\"name\":\"in-team\",\"team_id\":\"" + team + "\",\"rpm_limit\":100}");

		assertThat(chat(key).statusCode()).isEqualTo(200);
		assertThat(chat(key).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = chat(key);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(error(refused).path("message").asString()).contains("of the team");
	}

	@Test
	void aBudgetReachedMidPeriodRefusesUntilThePeriodTurns() throws Exception {
		// One answer costs 19 input tokens (4 cached) and 10 output tokens at gpt-4o-mini's prices: $0.00000855.
		Instant midDay = LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
		clock.setTo(midDay);
		String key = issue("{\"name\":\"budget\",\"max_budget_usd\":0.00001,\"budget_period\":\"daily\"}");

		assertThat(chat(key).statusCode()).isEqualTo(200);
		assertThat(chat(key).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = chat(key);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(error(refused).path("code").asString()).isEqualTo("budget_exceeded");
		assertThat(error(refused).path("message").asString()).contains("daily budget");
		int calls = upstream.requests().size();

		clock.setTo(midDay.plus(Duration.ofHours(11)).plus(Duration.ofMinutes(59)));
		assertThat(chat(key).statusCode()).isEqualTo(429);
		clock.setTo(midDay.plus(Duration.ofHours(12)).plusSeconds(1));
		assertThat(chat(key).statusCode()).isEqualTo(200);
		assertThat(upstream.requests()).hasSize(calls + 1);
	}

	@Test
	void aBudgetGivenAfterSpendingCountsWhatWasAlreadySpent() throws Exception {
		AdminApiClient.Reply issued = admin.post("/keys", MASTER_KEY, "{\"name\":\"late-budget\"}");
		String key = issued.json().path("key").asString();
		String id = issued.json().path("id").asString();
		await().atMost(Duration.ofSeconds(1)).until(() -> chat(key, "{}").statusCode() != 401);
		for (int i = 0; i < 3; i++) {
			assertThat(chat(key).statusCode()).isEqualTo(200);
		}
		// Three answers of $0.00000855 are in the rollups once the ledger has written them.
		await().atMost(Duration.ofSeconds(5)).until(() -> db.sql("SELECT coalesce(sum(requests), 0) AS n FROM spend_daily"
				+ " WHERE key_id = '" + id + "' AND model = 'gpt-4o-mini'")
			.map(row -> row.get("n", BigDecimal.class).intValue())
			.one()
			.block(Duration.ofSeconds(5)) == 3);

		assertThat(admin.patch("/keys/" + id, MASTER_KEY, "{\"max_budget_usd\":0.00002,\"budget_period\":\"daily\"}")
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(1)).until(() -> directory.key(UUID.fromString(id)).budget() != null);
		HttpResponse<String> refused = chat(key);
		assertThat(refused.statusCode()).as("the spend before the budget counts at once").isEqualTo(429);
		assertThat(error(refused).path("code").asString()).isEqualTo("budget_exceeded");
	}

	@Test
	void aTeamBudgetStopsEveryKeyOfTheTeam() throws Exception {
		String team = admin.post("/teams", MASTER_KEY, "{\"name\":\"budgeted-" + UUID.randomUUID()
				+ "\",\"max_budget_usd\":0.000005,\"budget_period\":\"monthly\"}").json().path("id").asString();
		String first = issue("{\"name\":\"first\",\"team_id\":\"" + team + "\"}");
		String second = issue("{\"name\":\"second\",\"team_id\":\"" + team + "\"}");

		assertThat(chat(first).statusCode()).isEqualTo(200);
		HttpResponse<String> refused = chat(second);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(error(refused).path("message").asString()).contains("team has reached its monthly budget");
	}

	/** Issues a key through the admin API and waits until the gateway knows it. */
	private String issue(String json) throws Exception {
		AdminApiClient.Reply reply = admin.post("/keys", MASTER_KEY, json);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		String key = reply.json().path("key").asString();
		await().atMost(Duration.ofSeconds(1)).until(() -> chat(key, "{}").statusCode() != 401);
		upstream.reset();
		return key;
	}

	private HttpResponse<String> chat(String key) throws Exception {
		return chat(key, CHAT);
	}

	private HttpResponse<String> chat(String key, String body) throws Exception {
		return TestHttp.client()
			.send(TestHttp.request(baseUrl() + "/chat/completions")
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode error(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body()).path("error");
	}

}
