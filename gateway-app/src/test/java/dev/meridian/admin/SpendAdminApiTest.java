package dev.meridian.admin;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.DatabaseCoordinates;
import dev.meridian.db.DatabaseServer;
import dev.meridian.db.TestDatabases;
import dev.meridian.db.ledger.LedgerEntry;
import dev.meridian.db.ledger.SpendLedgerWriter;
import dev.meridian.gateway.testsupport.TestGateways;
import dev.meridian.gateway.testsupport.TestHttp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The spend API over real HTTP on rows stored by the real ledger writer: filters, pages, summaries,
 * CSV, a team admin's scope and the errors for bad parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { dev.meridian.MeridianApplication.class, SpendAdminApiTest.TeamScope.class })
class SpendAdminApiTest {

	private static final String MASTER_KEY = "sk-test-spend-master";

	private static final String DATABASE_URL = TestDatabases.freshDatabaseUrl();

	private static final String DATA_DIR = TestGateways.dataDirectory();

	private static final UUID RESEARCH = UUID.randomUUID();

	private static final UUID SUPPORT = UUID.randomUUID();

	private static final UUID NOTEBOOK = UUID.randomUUID();

	private static final UUID CRAWLER = UUID.randomUUID();

	private static final UUID HELPDESK = UUID.randomUUID();

	/** A model name that needs quoting in CSV. */
	private static final String ODD_MODEL = "odd,model \"v2\"";

	private static boolean written;

	@LocalServerPort
	int port;

	@Autowired
	SpendLedgerWriter writer;

	@Autowired
	DatabaseServer database;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("meridian.database.url", () -> DATABASE_URL);
		registry.add("meridian.data-dir", () -> DATA_DIR);
		registry.add("meridian.master-key", () -> MASTER_KEY);
		registry.add("meridian.config", () -> "/nonexistent/config.yaml");
		registry.add("meridian.ledger.flush-interval", () -> "50ms");
	}

	@BeforeEach
	void writeSpendOnce() throws Exception {
		if (written) {
			return;
		}
		execute("INSERT INTO team (id, name) VALUES ('" + RESEARCH + "', 'research'), ('" + SUPPORT + "', 'support')");
		execute("INSERT INTO virtual_key (id, name, key_hash, key_prefix, team_id) VALUES ('" + NOTEBOOK + "', 'notebook', '"
				+ "a".repeat(64) + "', 'sk-a', '" + RESEARCH + "'), ('" + HELPDESK + "', 'helpdesk', '" + "b".repeat(64)
				+ "', 'sk-b', '" + SUPPORT + "')");
		List<LedgerEntry> rows = new ArrayList<>();
		rows.add(entry("r-1", "2021-03-01T09:00:00Z", NOTEBOOK, RESEARCH, "gpt-4o", 200, 0.5, null));
		rows.add(entry("r-2", "2021-03-01T10:00:00Z", NOTEBOOK, RESEARCH, "auto", 200, 0.1, 0.4));
		rows.add(entry("r-3", "2021-03-02T11:00:00Z", CRAWLER, RESEARCH, "gpt-4o", 502, null, null));
		rows.add(entry("r-4", "2021-03-02T12:00:00Z", CRAWLER, RESEARCH, ODD_MODEL, 200, 0.25, null));
		rows.add(entry("s-1", "2021-03-01T09:30:00Z", HELPDESK, SUPPORT, "gpt-4o", 200, 2.0, null));
		rows.add(entry("s-2", "2021-03-03T00:00:00Z", HELPDESK, SUPPORT, "gpt-4o-mini", 200, 0.05, null));
		rows.add(entry("n-1", "2021-03-02T08:00:00Z", null, null, "gpt-4o", 200, 4.0, null));
		rows.forEach(writer::append);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> count("SELECT count(*) FROM spend_ledger WHERE occurred_at < '2022-01-01'") == rows.size());
		written = true;
	}

	@Test
	void listsRowsNewestFirstFilteredAndPaged() throws Exception {
		JsonNode march = json(get("/api/admin/v1/spend?from=2021-03-01&to=2021-03-31", null));
		assertThat(ids(march)).containsExactly("s-2", "r-4", "r-3", "n-1", "r-2", "s-1", "r-1");
		assertThat(march.path("has_more").asBoolean()).isFalse();
		assertThat(march.path("next_cursor").isNull()).isTrue();
		JsonNode first = march.path("data").get(6);
		assertThat(first.path("request_id").asString()).isEqualTo("r-1");
		assertThat(first.path("occurred_at").asString()).isEqualTo("2021-03-01T09:00:00Z");
		assertThat(first.path("key_id").asString()).isEqualTo(NOTEBOOK.toString());
		assertThat(first.path("team_id").asString()).isEqualTo(RESEARCH.toString());
		assertThat(first.path("requested_model").asString()).isEqualTo("gpt-4o");
		assertThat(first.path("deployment").asString()).isEqualTo("mock/gpt-4o");
		assertThat(first.path("cost_usd").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(first.path("baseline_cost_usd").isNull()).isTrue();
		assertThat(first.path("status").asInt()).isEqualTo(200);
		assertThat(first.path("input_tokens").asInt()).isEqualTo(100);
		assertThat(first.path("cache_hit").asBoolean()).isFalse();

		assertThat(ids(json(get("/api/admin/v1/spend?team_id=" + RESEARCH + "&model=gpt-4o", null))))
			.containsExactly("r-3", "r-1");
		assertThat(ids(json(get("/api/admin/v1/spend?key_id=" + CRAWLER + "&to=2021-03-02T12:00:00Z", null))))
			.as("to is exclusive for an instant").containsExactly("r-3");
		assertThat(ids(json(get("/api/admin/v1/spend?from=" + encode("2021-03-02T09:00:00+01:00") + "&to=2021-03-02", null))))
			.as("from with an offset; to as a date takes in the whole day").containsExactly("r-4", "r-3", "n-1");

		List<String> paged = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 5; page++) {
			JsonNode answer = json(get("/api/admin/v1/spend?from=2021-03-01&to=2021-03-31&limit=3"
					+ (cursor == null ? "" : "&cursor=" + cursor), null));
			paged.addAll(ids(answer));
			cursor = answer.path("next_cursor").isNull() ? null : answer.path("next_cursor").asString();
			assertThat(answer.path("has_more").asBoolean()).isEqualTo(cursor != null);
			if (cursor == null) {
				break;
			}
		}
		assertThat(paged).containsExactly("s-2", "r-4", "r-3", "n-1", "r-2", "s-1", "r-1");
	}

	@Test
	void summarisesByDayModelTeamAndKey() throws Exception {
		String march = "&from=2021-03-01&to=2021-03-31";
		JsonNode byDay = json(get("/api/admin/v1/spend/summary?group_by=day" + march, null));
		assertThat(byDay.path("group_by").asString()).isEqualTo("day");
		assertThat(byDay.path("data").size()).isEqualTo(3);
		JsonNode firstDay = byDay.path("data").get(0);
		assertThat(firstDay.path("day").asString()).isEqualTo("2021-03-01");
		assertThat(firstDay.path("requests").asLong()).isEqualTo(3);
		assertThat(firstDay.path("cost_usd").decimalValue()).isEqualByComparingTo("2.6");
		assertThat(firstDay.path("baseline_cost_usd").decimalValue()).isEqualByComparingTo("2.9");
		assertThat(firstDay.path("savings_usd").decimalValue()).isEqualByComparingTo("0.3");
		JsonNode totals = byDay.path("totals");
		assertThat(totals.path("requests").asLong()).isEqualTo(7);
		assertThat(totals.path("errors").asLong()).isEqualTo(1);
		assertThat(totals.path("input_tokens").asLong()).isEqualTo(700);
		assertThat(totals.path("cost_usd").decimalValue()).isEqualByComparingTo("6.9");
		assertThat(totals.path("savings_usd").decimalValue()).isEqualByComparingTo("0.3");

		JsonNode byModel = json(get("/api/admin/v1/spend/summary?group_by=model" + march, null));
		assertThat(byModel.path("data").get(0).path("model").asString()).as("costliest first").isEqualTo("gpt-4o");
		assertThat(byModel.path("data").get(0).path("requests").asLong()).isEqualTo(4);

		JsonNode byTeam = json(get("/api/admin/v1/spend/summary?group_by=team" + march, null));
		assertThat(byTeam.path("data").size()).isEqualTo(3);
		assertThat(byTeam.path("data").get(0).path("team_id").isNull()).as("spend without a team: 4.0").isTrue();
		assertThat(byTeam.path("data").get(1).path("team_name").asString()).isEqualTo("support");
		assertThat(byTeam.path("data").get(2).path("team_id").asString()).isEqualTo(RESEARCH.toString());

		JsonNode byKey = json(get("/api/admin/v1/spend/summary?group_by=key&team_id=" + RESEARCH + march, null));
		assertThat(byKey.path("data").size()).isEqualTo(2);
		assertThat(byKey.path("data").get(0).path("key_id").asString()).isEqualTo(NOTEBOOK.toString());
		assertThat(byKey.path("data").get(0).path("key_name").asString()).isEqualTo("notebook");
		assertThat(byKey.path("data").get(1).path("key_name").isNull()).as("a key that no longer exists").isTrue();
	}

	@Test
	void answersCsvToThoseWhoAskForIt() throws Exception {
		HttpResponse<String> rows = get("/api/admin/v1/spend?team_id=" + RESEARCH + "&from=2021-03-01&limit=2", "text/csv");
		assertThat(rows.statusCode()).isEqualTo(200);
		assertThat(rows.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
		assertThat(rows.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("spend.csv"));
		assertThat(rows.headers().firstValue("x-meridian-next-cursor")).isPresent();
		String[] lines = rows.body().split("\r\n", -1);
		assertThat(lines).hasSize(4).endsWith("");
		assertThat(lines[0]).startsWith("request_id,occurred_at,key_id,team_id,operation,requested_model,deployment,provider,")
			.endsWith(",cache_hit,fallbacks");
		assertThat(lines[1]).startsWith("r-4,2021-03-02T12:00:00Z," + CRAWLER + "," + RESEARCH + ",chat,\"odd,model \"\"v2\"\"\",")
			.contains(",0.25,,12.5,,200,,,false,0");
		assertThat(lines[2]).startsWith("r-3,").contains(",502,upstream_error,");

		HttpResponse<String> next = get("/api/admin/v1/spend?team_id=" + RESEARCH + "&from=2021-03-01&limit=2&cursor="
				+ rows.headers().firstValue("x-meridian-next-cursor").orElseThrow(), "text/csv");
		assertThat(next.body().split("\r\n")).extracting(line -> line.split(",")[0]).containsExactly("request_id", "r-2", "r-1");
		assertThat(next.headers().firstValue("x-meridian-next-cursor")).isEmpty();

		HttpResponse<String> summary = get("/api/admin/v1/spend/summary?group_by=team&from=2021-03-01&to=2021-03-31",
				"text/csv, application/json;q=0.5");
		assertThat(summary.body()).startsWith(
				"team_id,team_name,requests,errors,input_tokens,output_tokens,cached_tokens,cost_usd,baseline_cost_usd,savings_usd\r\n"
						+ ",,1,0,100,20,5,4,4,0\r\n");
		assertThat(get("/api/admin/v1/spend/summary?from=2021-03-01&to=2021-03-31", "application/json, text/csv;q=0.5").body())
			.startsWith("{");
	}

	@Test
	void showsATeamAdminOnlyTheirTeams() throws Exception {
		JsonNode rows = json(get("/api/admin/v1/spend?from=2021-03-01&to=2021-03-31", null, SUPPORT));
		assertThat(ids(rows)).containsExactly("s-2", "s-1");
		JsonNode byTeam = json(get("/api/admin/v1/spend/summary?group_by=team&from=2021-03-01&to=2021-03-31", null, SUPPORT));
		assertThat(byTeam.path("data").size()).isEqualTo(1);
		assertThat(byTeam.path("totals").path("cost_usd").decimalValue()).isEqualByComparingTo("2.05");
		assertThat(ids(json(get("/api/admin/v1/spend?key_id=" + NOTEBOOK, null, SUPPORT)))).isEmpty();

		HttpResponse<String> otherTeam = get("/api/admin/v1/spend?team_id=" + RESEARCH, null, SUPPORT);
		assertThat(otherTeam.statusCode()).isEqualTo(403);
		assertThat(json(otherTeam).path("error").path("type").asString()).isEqualTo("permission_error");
		assertThat(json(otherTeam).path("error").path("param").asString()).isEqualTo("team_id");
	}

	@Test
	void namesTheParameterItCannotUse() throws Exception {
		assertBadParam("/api/admin/v1/spend?key_id=not-a-uuid", "key_id");
		assertBadParam("/api/admin/v1/spend?team_id=42", "team_id");
		assertBadParam("/api/admin/v1/spend?from=yesterday", "from");
		assertBadParam("/api/admin/v1/spend?to=2021-02-30", "to");
		assertBadParam("/api/admin/v1/spend?from=2021-03-02&to=2021-03-01T00:00:00Z", "to");
		assertBadParam("/api/admin/v1/spend?limit=0", "limit");
		assertBadParam("/api/admin/v1/spend?limit=1001", "limit");
		assertBadParam("/api/admin/v1/spend?limit=ten", "limit");
		assertBadParam("/api/admin/v1/spend?cursor=bm90LWEtY3Vyc29y", "cursor");
		assertBadParam("/api/admin/v1/spend/summary?group_by=week", "group_by");
		assertBadParam("/api/admin/v1/spend/summary?from=2021-13-01", "from");

		HttpResponse<String> asCsv = get("/api/admin/v1/spend?limit=-1", "text/csv");
		assertThat(asCsv.statusCode()).isEqualTo(400);
		assertThat(asCsv.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(json(asCsv).path("error").path("param").asString()).isEqualTo("limit");
	}

	@Test
	void exposesTheLedgerMetrics() throws Exception {
		HttpResponse<String> scrape = TestHttp.client()
			.send(TestHttp.request("http://127.0.0.1:" + port + "/actuator/prometheus").build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.body()).containsPattern("(?m)^meridian_ledger_rows_written_total [1-9]")
			.contains("meridian_ledger_queue_size ")
			.contains("meridian_ledger_spilled_rows_total 0.0")
			.contains("meridian_ledger_write_failures_total 0.0")
			.contains("meridian_ledger_dropped_rows_total 0.0");
	}

	private void assertBadParam(String path, String param) throws Exception {
		HttpResponse<String> answer = get(path, null);
		assertThat(answer.statusCode()).as(path).isEqualTo(400);
		JsonNode error = json(answer).path("error");
		assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.path("param").asString()).as(path).isEqualTo(param);
		assertThat(error.path("message").asString()).contains(param);
		assertThat(error.has("code")).isTrue();
	}

	private HttpResponse<String> get(String path, @Nullable String accept) throws Exception {
		return get(path, accept, null);
	}

	private HttpResponse<String> get(String path, @Nullable String accept, @Nullable UUID teamScope) throws Exception {
		var request = TestHttp.request("http://127.0.0.1:" + port + path).header("Authorization", "Bearer " + MASTER_KEY);
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (teamScope != null) {
			request.header(TeamScope.HEADER, teamScope.toString());
		}
		return TestHttp.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("data").forEach(row -> ids.add(row.path("request_id").asString()));
		return ids;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static LedgerEntry entry(String id, String at, @Nullable UUID key, @Nullable UUID team, String model, int status,
			@Nullable Double cost, @Nullable Double baseline) {
		return new LedgerEntry(id, Instant.parse(at), key, team, "chat", model, "mock/" + model, "mock", 100, 20, 5, cost,
				baseline, 12.5, null, status, status >= 400 ? "upstream_error" : null, null, false, 0);
	}

	private long count(String sql) throws Exception {
		DatabaseCoordinates db = database.coordinates();
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
				Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private void execute(String sql) throws Exception {
		DatabaseCoordinates db = database.coordinates();
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * Stands in for a team admin's sign-in, which the admin filter does not offer yet: after the master
	 * key was accepted, a test header narrows the caller to the teams it names.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class TeamScope {

		static final String HEADER = "x-test-admin-teams";

		@Bean
		WebFilter teamScopeForTests() {
			return new TeamScopeFilter();
		}

		private static final class TeamScopeFilter implements WebFilter, Ordered {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
				String teams = exchange.getRequest().getHeaders().getFirst(HEADER);
				if (teams != null && exchange.getAttribute(AdminPrincipal.ATTRIBUTE) != null) {
					exchange.getAttributes().put(AdminPrincipal.ATTRIBUTE, new AdminPrincipal("team-admin",
							Arrays.stream(teams.split(",")).map(UUID::fromString).collect(Collectors.toSet())));
				}
				return chain.filter(exchange);
			}

			@Override
			public int getOrder() {
				return Ordered.HIGHEST_PRECEDENCE + 30;
			}

		}

	}

}
