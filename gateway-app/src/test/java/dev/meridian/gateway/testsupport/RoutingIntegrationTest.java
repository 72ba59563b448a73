package dev.meridian.gateway.testsupport;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.meridian.db.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests of routing strategies, retries, fallbacks and cooldowns: the whole gateway on a
 * fresh database in front of one {@link OpenAiMockServer}, where each deployment is an upstream model
 * id the mock can be told to fail, plus a provider at a closed port and one whose streams die. Each
 * test uses model groups of its own, because deployment state (cooldowns, latencies, rate windows)
 * lives as long as the gateway. Cooldowns last two seconds here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RoutingIntegrationTest {

	protected static final String MASTER_KEY = "sk-test-master-key";

	protected static final Duration COOLDOWN = Duration.ofSeconds(2);

	protected static final OpenAiMockServer upstream = new OpenAiMockServer();

	protected static final DyingEventStream dying = DyingEventStream.openAiChat();

	private static final int CLOSED_PORT = TestGateways.closedPort();

	private static final String DATABASE_URL = TestDatabases.freshDatabaseUrl();

	private static final String DATA_DIR = TestGateways.dataDirectory();

	private static final Path CONFIG = writeConfig();

	protected final HttpClient http = TestHttp.client();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MeterRegistry meters;

	@Autowired
	private DatabaseClient db;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		TestGateways.gatewayProperties(registry, DATABASE_URL, DATA_DIR, CONFIG, MASTER_KEY);
	}

	@AfterEach
	void resetUpstream() {
		upstream.reset();
	}

	/** How many requests the mock received for the upstream model. */
	protected static long received(String upstreamModel) {
		return upstream.requests().stream().filter(request -> request.model().equals(upstreamModel)).count();
	}

	/** The spend ledger's row of the request that got this answer (empty until the writer has flushed it). */
	protected Map<String, Object> ledgerRow(HttpResponse<String> response) {
		String requestId = response.headers().firstValue("x-meridian-request-id").orElseThrow();
		return db.sql("SELECT requested_model, deployment, fallbacks, status, error_code FROM spend_ledger"
				+ " WHERE request_id = :id")
			.bind("id", requestId)
			.fetch()
			.one()
			.blockOptional(Duration.ofSeconds(10))
			.orElse(Map.of());
	}

	protected HttpResponse<String> chat(String model, String... headers) throws Exception {
		return chat(model, "hi", false, headers);
	}

	protected HttpResponse<String> chat(String model, String prompt, boolean stream, String... headers)
			throws Exception {
		HttpRequest.Builder request = TestHttp.request("http://127.0.0.1:" + port + "/v1/chat/completions")
			.header("Authorization", "Bearer " + MASTER_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":" + stream
					+ ",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	protected HttpResponse<String> get(String path) throws Exception {
		return http.send(TestHttp.request("http://127.0.0.1:" + port + path).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** {@code meridian_deployment_state} of the deployment: 0 healthy, 1 half-open, 2 cooling down. */
	protected double deploymentState(String deployment) {
		return meters.get("meridian.deployment.state").tag("deployment", deployment).gauge().value();
	}

	protected double attempts(String deployment, String result) {
		var counter = meters.find("meridian.upstream.attempts").tags("deployment", deployment, "result", result).counter();
		return (counter == null) ? 0 : counter.count();
	}

	protected double fallbacks(String model, String fallbackModel, String reason) {
		var counter = meters.find("meridian.fallbacks")
			.tags("model", model, "fallback_model", fallbackModel, "reason", reason)
			.counter();
		return (counter == null) ? 0 : counter.count();
	}

	/**
	 * Waits for what the gateway records once an answer has been written, which can be a moment after
	 * the client has read it: successes, latencies, a deployment healthy again.
	 */
	protected static void eventually(Runnable assertion) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (true) {
			try {
				assertion.run();
				return;
			}
			catch (AssertionError notYet) {
				if (System.nanoTime() > deadline) {
					throw notYet;
				}
				Thread.sleep(10);
			}
		}
	}

	private static Path writeConfig() {
		String yaml = """
				providers:
				  mock: { type: openai_compatible, base_url: "%1$s" }
				  refused: { type: openai_compatible, base_url: "http://127.0.0.1:%2$d/v1" }
				  dying: { type: openai_compatible, base_url: "%3$s/v1" }
				models:
				  - { name: connect-failover, provider: refused, model: nowhere, input_cost_per_mtok: 1 }
				  - { name: connect-failover, provider: mock, model: backup, input_cost_per_mtok: 2 }
				  - { name: flaky, provider: mock, model: flaky }
				  - { name: dies, provider: dying, model: dies-first, input_cost_per_mtok: 1 }
				  - { name: dies, provider: mock, model: dies-second, input_cost_per_mtok: 2 }
				  - { name: limited, provider: mock, model: limited }
				  - { name: limited-long, provider: mock, model: limited-long }
				  - { name: slow, provider: mock, model: slow }
				  - { name: slow-pair, provider: mock, model: slow-first, input_cost_per_mtok: 1 }
				  - { name: slow-pair, provider: mock, model: fast-second, input_cost_per_mtok: 2 }
				  - { name: primary, provider: mock, model: primary }
				  - { name: secondary, provider: refused, model: secondary }
				  - { name: tertiary, provider: mock, model: tertiary }
				  - { name: small-window, provider: mock, model: small-window, context_window: 1000 }
				  - { name: large-window, provider: mock, model: large-window, context_window: 100000 }
				  - { name: tiny-only, provider: mock, model: tiny-only, context_window: 1000 }
				  - { name: strict, provider: mock, model: strict }
				  - { name: lenient, provider: mock, model: lenient }
				  - { name: cost, provider: mock, model: cost-dear, input_cost_per_mtok: 2.5, output_cost_per_mtok: 10 }
				  - { name: cost, provider: mock, model: cost-cheap, input_cost_per_mtok: 0.15, output_cost_per_mtok: 0.6 }
				  - { name: busy, provider: mock, model: busy-slow }
				  - { name: busy, provider: mock, model: busy-fast }
				  - { name: latency, provider: mock, model: latency-slow }
				  - { name: latency, provider: mock, model: latency-fast }
				  - { name: usage, provider: mock, model: usage-small, rpm: 3 }
				  - { name: usage, provider: mock, model: usage-large, rpm: 6 }
				  - { name: weighted, provider: mock, model: weighted-a, weight: 3 }
				  - { name: weighted, provider: mock, model: weighted-b, weight: 1 }
				routing:
				  timeout: 20s
				  first_byte_timeout: 5s
				  cooldown: 2s
				  fallbacks: { primary: [secondary, tertiary], small-window: [large-window] }
				  content_policy_fallbacks: { strict: [lenient] }
				  groups:
				    connect-failover: { strategy: cost_based }
				    dies: { strategy: cost_based }
				    slow-pair: { strategy: cost_based, first_byte_timeout: 1s }
				    limited: { retries: 1 }
				    limited-long: { retries: 1 }
				    primary: { retries: 1 }
				    cost: { strategy: cost_based }
				    busy: { strategy: least_busy }
				    latency: { strategy: lowest_latency }
				    usage: { strategy: usage_based }
				""".formatted(upstream.baseUrl(), CLOSED_PORT, dying.baseUrl());
		return TestGateways.config(yaml);
	}

}
