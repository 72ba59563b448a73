package dev.meridian.gateway.governance;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.meridian.MeridianApplication;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.TestGateways;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Every request the gateway answers leaves one row in the spend ledger and is counted once in the
 * daily rollups, under load and across a graceful shutdown; a restarted gateway knows from the
 * rollups what was spent.
 */
class SpendLedgerTest extends GatewayIntegrationTest {

	private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

	@Autowired
	private DatabaseClient db;

	private AdminApiClient admin;

	@BeforeEach
	void admin() {
		admin = new AdminApiClient(port);
	}

	@Test
	void thousandsOfConcurrentRequestsLeaveExactlyOneRowEach() throws Exception {
		Issued key = issue("{\"name\":\"load\"}");
		int requests = 3000;

		assertThat(send(baseUrl(), key.plaintext(), requests, 16)).isEqualTo(requests);

		await().atMost(Duration.ofSeconds(10)).until(() -> ledgerRows(key.id()) == requests);
		assertThat(rolledUpRequests(key.id())).isEqualTo(requests);
		var row = db.sql("SELECT operation, requested_model, deployment, provider, input_tokens, output_tokens,"
				+ " cached_tokens, cost_usd, status, latency_ms FROM spend_ledger WHERE key_id = :key"
				+ " AND requested_model = 'gpt-4o-mini' LIMIT 1")
			.bind("key", key.id())
			.fetch()
			.one()
			.block(Duration.ofSeconds(10));
		assertThat(row).containsEntry("operation", "chat")
			.containsEntry("requested_model", "gpt-4o-mini")
			.containsEntry("deployment", "mock/real-mini")
			.containsEntry("provider", "mock")
			.containsEntry("input_tokens", 19)
			.containsEntry("output_tokens", 10)
			.containsEntry("cached_tokens", 4)
			.containsEntry("status", (short) 200);
		assertThat(((Number) row.get("cost_usd")).doubleValue()).isCloseTo(0.00000855, within(1e-12));
	}

	@Test
	void aGracefulShutdownWritesEveryRowAndARestartRemembersTheSpend() throws Exception {
		// A total budget that 300 answers of $0.00000855 exceed.
		Issued key = issue("{\"name\":\"replica\",\"max_budget_usd\":0.0025,\"budget_period\":\"total\"}");
		int requests = 300;

		ConfigurableApplicationContext replica = startReplica();
		String replicaUrl = urlOf(replica);
		await().atMost(Duration.ofSeconds(5)).until(() -> status(replicaUrl, key.plaintext(), "{}") != 401);
		int answered = send(replicaUrl, key.plaintext(), requests, 8);
		replica.close();

		assertThat(ledgerRows(key.id())).as("rows written before the replica stopped").isEqualTo(requests);
		assertThat(answered).isLessThan(requests).as("the budget ran out part-way").isGreaterThan(200);

		ConfigurableApplicationContext restarted = startReplica();
		try {
			HttpResponse<String> refused = TestHttp.client()
				.send(chat(urlOf(restarted), key.plaintext(), CHAT), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(refused.body()).contains("budget_exceeded");
		}
		finally {
			restarted.close();
		}
	}

	@Test
	void aTeamAdminKeySeesOnlyItsTeamsSpend() throws Exception {
		String team = admin.post("/teams", MASTER_KEY, "{\"name\":\"spenders-" + UUID.randomUUID() + "\"}")
			.json()
			.path("id")
			.asString();
		Issued member = issue("{\"name\":\"member\",\"team_id\":\"" + team + "\"}");
		Issued outsider = issue("{\"name\":\"outsider\"}");
		String teamAdmin = admin.post("/keys", MASTER_KEY, "{\"name\":\"lead\",\"admin\":true,\"team_id\":\"" + team
				+ "\"}").json().path("key").asString();
		send(baseUrl(), member.plaintext(), 3, 1);
		send(baseUrl(), outsider.plaintext(), 2, 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> ledgerRows(member.id()) == 3 && ledgerRows(outsider.id()) == 2);

		AdminApiClient.Reply mine = admin.get("/spend?limit=1000&model=gpt-4o-mini", teamAdmin);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().path("data").values()).hasSize(3)
			.allSatisfy(row -> assertThat(row.path("team_id").asString()).isEqualTo(team));
		AdminApiClient.Reply outside = admin.get("/spend?key_id=" + outsider.id(), teamAdmin);
		assertThat(outside.status()).isEqualTo(200);
		assertThat(outside.json().path("data").size()).as("another team's key shows nothing").isZero();
		assertThat(admin.get("/spend?model=gpt-4o-mini&key_id=" + outsider.id(), MASTER_KEY).json().path("data").size())
			.isEqualTo(2);
		AdminApiClient.Reply summary = admin.get("/spend/summary?group_by=key", teamAdmin);
		assertThat(summary.json().path("data").values()).extracting(row -> row.path("key_id").asString())
			.containsExactly(member.id().toString());
	}

	private ConfigurableApplicationContext startReplica() {
		return new SpringApplicationBuilder(MeridianApplication.class).run("--server.port=0",
				"--meridian.database.url=" + databaseUrl(), "--meridian.config=" + configFile(),
				"--meridian.master-key=" + MASTER_KEY, "--meridian.data-dir=" + TestGateways.dataDirectory());
	}

	private static String urlOf(ConfigurableApplicationContext replica) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) replica).getWebServer().getPort() + "/v1";
	}

	/** Sends the requests from {@code clients} threads; returns how many were answered 200. */
	private static int send(String gateway, String key, int requests, int clients) throws Exception {
		HttpClient http = TestHttp.client();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				statuses.add(pool.submit(() -> http.send(chat(gateway, key, CHAT), HttpResponse.BodyHandlers.discarding())
					.statusCode()));
			}
			int ok = 0;
			for (Future<Integer> status : statuses) {
				if (status.get() == 200) {
					ok++;
				}
			}
			return ok;
		}
	}

	private static int status(String gateway, String key, String body) throws Exception {
		return TestHttp.client().send(chat(gateway, key, body), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static HttpRequest chat(String gateway, String key, String body) {
		return TestHttp.request(gateway + "/chat/completions")
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/** Rows of the chat requests of the key (the probes that wait for the key to be known are not counted). */
	private long ledgerRows(UUID key) {
		return db.sql("SELECT count(*) AS n FROM spend_ledger WHERE key_id = :key AND requested_model = 'gpt-4o-mini'")
			.bind("key", key)
			.map(row -> row.get("n", Long.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	private long rolledUpRequests(UUID key) {
		return db.sql("SELECT coalesce(sum(requests), 0) AS n FROM spend_daily WHERE key_id = :key AND model = 'gpt-4o-mini'")
			.bind("key", key)
			.map(row -> row.get("n", BigDecimal.class).longValue())
			.one()
			.block(Duration.ofSeconds(10));
	}

	private Issued issue(String json) {
		AdminApiClient.Reply reply = admin.post("/keys", MASTER_KEY, json);
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		Issued issued = new Issued(UUID.fromString(reply.json().path("id").asString()), reply.json().path("key").asString());
		await().atMost(Duration.ofSeconds(1)).until(() -> status(baseUrl(), issued.plaintext(), "{}") != 401);
		return issued;
	}

	private record Issued(UUID id, String plaintext) {
	}

}
