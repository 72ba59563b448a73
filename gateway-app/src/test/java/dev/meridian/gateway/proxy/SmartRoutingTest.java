package dev.meridian.gateway.proxy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests for {@code auto} are smart-routed over real HTTP: the test configuration sends simple
 * prompts to {@code gpt-4o-mini}, complex ones to {@code frontier} (medium inherits it) and
 * reasoning to {@code thinker}, with {@code frontier} as the baseline.
 */
class SmartRoutingTest extends GatewayIntegrationTest {

	@Autowired
	private DatabaseClient db;

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String SIMPLE = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there!\"}]}";

	private static final String HARD = """
			{"model":"auto","messages":[{"role":"user","content":"Implement a thread-safe LRU cache in Java with \
			generics, O(1) get and put, and unit tests with JUnit 5. Then review it for race conditions."}]}""";

	@Test
	void aSimplePromptGoesToTheSimpleTierAndAHardOneToTheComplexTier() throws Exception {
		HttpResponse<String> simple = chat(SIMPLE, null);
		HttpResponse<String> hard = chat(HARD, null);

		assertThat(simple.statusCode()).isEqualTo(200);
		assertThat(simple.headers().firstValue("x-meridian-route-tier")).hasValue("simple");
		assertThat(simple.headers().firstValue("x-meridian-model")).hasValue("real-mini");
		assertThat(hard.statusCode()).isEqualTo(200);
		assertThat(hard.headers().firstValue("x-meridian-route-tier")).hasValue("complex");
		assertThat(hard.headers().firstValue("x-meridian-model")).hasValue("frontier-upstream");
		assertThat(upstream.requests()).extracting(OpenAiMockServer.RecordedRequest::model)
			.containsExactly("real-mini", "frontier-upstream");
		assertThat(JSON.readTree(hard.body()).path("model").asString()).as("the name the client asked for")
			.isEqualTo("auto");
	}

	@Test
	void theTierHeaderOverridesTheClassifier() throws Exception {
		HttpResponse<String> forced = chat(SIMPLE, "reasoning");
		HttpResponse<String> inherited = chat(SIMPLE, "Medium");

		assertThat(forced.statusCode()).isEqualTo(200);
		assertThat(forced.headers().firstValue("x-meridian-route-tier")).hasValue("reasoning");
		assertThat(forced.headers().firstValue("x-meridian-model")).hasValue("thinker-upstream");
		assertThat(inherited.headers().firstValue("x-meridian-route-tier")).hasValue("medium");
		assertThat(inherited.headers().firstValue("x-meridian-model")).as("medium has no model: the next tier up serves it")
			.hasValue("frontier-upstream");
	}

	@Test
	void anUnknownTierInTheHeaderIsABadRequest() throws Exception {
		HttpResponse<String> response = chat(SIMPLE, "huge");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = JSON.readTree(response.body()).path("error");
		assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.path("param").asString()).isEqualTo("x-meridian-tier");
		assertThat(error.path("message").asString()).contains("simple").contains("huge");
		assertThat(upstream.requests()).isEmpty();
	}

	@Test
	void otherModelsAreNotSmartRouted() throws Exception {
		HttpResponse<String> response = chat(SIMPLE.replace("auto", "gpt-4o-mini"), "reasoning");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-route-tier")).isEmpty();
		assertThat(response.headers().firstValue("x-meridian-model")).hasValue("real-mini");
	}

	@Test
	void anthropicMessagesAreSmartRoutedToo() throws Exception {
		HttpResponse<String> response = TestHttp.client().send(TestHttp.request(baseUrl() + "/messages")
			.header("x-api-key", MASTER_KEY)
			.header("anthropic-version", "2023-06-01")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"model":"auto","max_tokens":200,"messages":[{"role":"user","content":[{"type":"text",\
					"text":"Prove by induction that the sum of the first n odd numbers is n squared."}]}]}"""))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-route-tier")).hasValue("reasoning");
		assertThat(upstream.requests()).extracting(OpenAiMockServer.RecordedRequest::model)
			.containsExactly("thinker-upstream");
	}

	@Test
	void decisionsAndSavingsAreMetered() throws Exception {
		chat(SIMPLE, null);
		chat(SIMPLE, "reasoning");

		String scrape = TestHttp.client()
			.send(TestHttp.request("http://127.0.0.1:" + port + "/actuator/prometheus").build(),
					HttpResponse.BodyHandlers.ofString())
			.body();

		assertThat(scrape).contains("meridian_smart_route_decisions_total{model=\"gpt-4o-mini\",tier=\"simple\"}")
			.contains("meridian_smart_route_decisions_total{model=\"thinker\",tier=\"reasoning\"}")
			.contains("meridian_requests_total{model=\"thinker\",provider=\"mock\",status=\"200\"}");
		assertThat(metric(scrape, "meridian_smart_route_savings_usd_total")).as("mini is cheaper than the baseline")
			.isPositive();
		assertThat(metric(scrape, "meridian_smart_route_overspend_usd_total")).as("thinker costs more than the baseline")
			.isPositive();
	}

	@Test
	void theLedgerKeepsEachSmartRoutedRequestsTierAndBaselineCost() throws Exception {
		HttpResponse<String> routed = chat(SIMPLE, null);
		String requestId = routed.headers().firstValue("x-meridian-request-id").orElseThrow();

		Map<String, Object> row = await().atMost(Duration.ofSeconds(5))
			.until(() -> db.sql("SELECT route_tier, cost_usd, baseline_cost_usd FROM spend_ledger WHERE request_id = :id")
				.bind("id", requestId)
				.fetch()
				.one()
				.blockOptional(Duration.ofSeconds(5))
				.orElse(null), found -> found != null);
		assertThat(row).containsEntry("route_tier", "simple");
		assertThat(((Number) row.get("baseline_cost_usd")).doubleValue()).as("frontier's price for the same usage")
			.isGreaterThan(((Number) row.get("cost_usd")).doubleValue());
	}

	@Test
	void explainAnswersWithTheMasterKeyOnly() throws Exception {
		HttpResponse<String> explained = explain(HARD, MASTER_KEY);

		assertThat(explained.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(explained.body());
		assertThat(body.path("tier").asString()).isEqualTo("complex");
		assertThat(body.path("model").asString()).isEqualTo("frontier");
		assertThat(body.path("deployment").asString()).isEqualTo("mock/frontier-upstream");
		assertThat(body.path("score").asDouble()).isGreaterThan(0);
		assertThat(body.path("features").path("code_cues").path("value").asDouble()).isPositive();
		assertThat(body.path("features").path("code_cues").path("contribution").asDouble()).isPositive();
		assertThat(body.path("features").has("reasoning_cues")).isTrue();
		assertThat(upstream.requests()).as("nothing is sent upstream").isEmpty();

		assertThat(explain(HARD, "sk-wrong").statusCode()).isEqualTo(401);
		assertThat(TestHttp.client().send(TestHttp.request("http://127.0.0.1:" + port + "/api/admin/v1/route/explain")
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(HARD)).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
	}

	@Test
	void explainRefusesABodyWithoutAPrompt() throws Exception {
		HttpResponse<String> noPrompt = explain("{\"model\":\"auto\"}", MASTER_KEY);
		HttpResponse<String> notJson = explain("{\"messages\":[", MASTER_KEY);

		assertThat(noPrompt.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noPrompt.body()).path("error").path("param").asString()).isEqualTo("messages");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(notJson.body()).path("error").path("message").asString()).contains("not valid JSON");
	}

	@Test
	void aKeysDefaultTierReplacesTheClassifierAndNeverDowngradeMakesItAFloor() throws Exception {
		AdminApiClient admin = new AdminApiClient(port);
		String fixed = admin.post("/keys", MASTER_KEY, "{\"name\":\"always-reasoning\",\"default_tier\":\"reasoning\"}")
			.json().path("key").asString();
		String floored = admin.post("/keys", MASTER_KEY,
				"{\"name\":\"at-least-complex\",\"default_tier\":\"complex\",\"never_downgrade\":true}")
			.json().path("key").asString();
		await().atMost(Duration.ofSeconds(1)).until(() -> chat(SIMPLE, null, floored).statusCode() == 200);

		assertThat(chat(SIMPLE, null, fixed).headers().firstValue("x-meridian-route-tier")).hasValue("reasoning");
		assertThat(chat(SIMPLE, "simple", fixed).headers().firstValue("x-meridian-route-tier"))
			.as("the request's own choice comes before the key's default").hasValue("simple");
		assertThat(chat(SIMPLE, null, floored).headers().firstValue("x-meridian-route-tier")).hasValue("complex");
		assertThat(chat(SIMPLE, "simple", floored).headers().firstValue("x-meridian-route-tier"))
			.as("never below the floor, whatever the request asks").hasValue("complex");
		assertThat(chat(SIMPLE, "reasoning", floored).headers().firstValue("x-meridian-route-tier")).hasValue("reasoning");
	}

	private HttpResponse<String> chat(String body, String tier) throws Exception {
		return chat(body, tier, MASTER_KEY);
	}

	private HttpResponse<String> chat(String body, String tier, String key) throws Exception {
		HttpRequest.Builder request = TestHttp.request(baseUrl() + "/chat/completions")
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json");
		if (tier != null) {
			request.header("x-meridian-tier", tier);
		}
		return TestHttp.client()
			.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> explain(String body, String key) throws Exception {
		return TestHttp.client().send(TestHttp.request("http://127.0.0.1:" + port + "/api/admin/v1/route/explain")
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double metric(String scrape, String name) {
		return scrape.lines()
			.filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
