package dev.meridian.gateway.testsupport;

import java.nio.file.Path;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.meridian.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole gateway on a random loopback port, on a fresh real
 * PostgreSQL database, in front of an {@link OpenAiMockServer}. Every subclass shares the same
 * configuration, so Spring starts the gateway once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Installed.class)
public abstract class GatewayIntegrationTest {

	protected static final String MASTER_KEY = "sk-test-master-key";

	protected static final String UPSTREAM_KEY = "sk-upstream-secret";

	protected static final OpenAiMockServer upstream = new OpenAiMockServer();

	protected static final DyingEventStream dyingUpstream = DyingEventStream.openAiChat();

	/** A loopback port where nothing listens, for a provider that refuses connections. */
	protected static final int CLOSED_PORT = TestGateways.closedPort();

	private static final String DATABASE_URL = TestDatabases.freshDatabaseUrl();

	private static final String DATA_DIR = TestGateways.dataDirectory();

	private static final Path CONFIG = writeConfig();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		TestGateways.gatewayProperties(registry, DATABASE_URL, DATA_DIR, CONFIG, MASTER_KEY);
	}

	@AfterEach
	void resetUpstream() {
		upstream.reset();
	}

	/** The database every gateway of this configuration shares, for a second replica. */
	protected static String databaseUrl() {
		return DATABASE_URL;
	}

	protected static Path configFile() {
		return CONFIG;
	}

	protected String baseUrl() {
		return "http://127.0.0.1:" + port + "/v1";
	}

	protected OpenAIClient openAi() {
		return openAi(MASTER_KEY);
	}

	protected OpenAIClient openAi(String key) {
		return OpenAIOkHttpClient.builder().baseUrl(baseUrl()).apiKey(key).maxRetries(0).build();
	}

	private static Path writeConfig() {
		String yaml = """
				providers:
				  mock: { type: openai_compatible, base_url: "%1$s", api_key: "${MERIDIAN_TEST_UPSTREAM_KEY:-%2$s}" }
				  mock-bare: { type: vllm, base_url: "http://127.0.0.1:%3$d" }
				  refused: { type: openai_compatible, base_url: "http://127.0.0.1:%4$d/v1" }
				  dying: { type: openai_compatible, base_url: "%5$s" }
				  azure: { type: azure_openai, base_url: "http://127.0.0.1:%3$d", api_version: "2024-10-21", api_key: azure-key }
				  azure-entra: { type: azure_openai, base_url: "http://127.0.0.1:%3$d", azure_ad_token: entra-token }
				models:
				  - { name: gpt-4o-mini, provider: mock, model: real-mini, input_cost_per_mtok: 0.15, output_cost_per_mtok: 0.60, cached_input_cost_per_mtok: 0.075 }
				  - { name: same-name, provider: mock-bare }
				  - { name: balanced, provider: mock, model: balanced-a, weight: 3 }
				  - { name: balanced, provider: mock, model: balanced-b, weight: 1 }
				  - { name: text-embedding-3-small, provider: mock, model: embed-small }
				  - { name: gpt-3.5-turbo-instruct, provider: mock, model: instruct }
				  - { name: unreachable, provider: refused }
				  - { name: scripted, provider: mock, model: scripted }
				  - { name: dies-mid-stream, provider: dying }
				  - { name: azure-gpt, provider: azure, model: my-gpt4o-deployment }
				  - { name: azure-entra, provider: azure-entra, model: entra-deployment }
				  - { name: frontier, provider: mock, model: frontier-upstream, input_cost_per_mtok: 2.50, output_cost_per_mtok: 10.00 }
				  - { name: thinker, provider: mock, model: thinker-upstream, input_cost_per_mtok: 15.00, output_cost_per_mtok: 60.00 }
				routing:
				  first_byte_timeout: 2s
				  timeout: 8s
				  groups: { scripted: { retries: 0 } }
				  smart:
				    model: auto
				    tiers: { simple: gpt-4o-mini, complex: frontier, reasoning: thinker }
				    baseline: frontier
				""".formatted(upstream.baseUrl(), UPSTREAM_KEY, upstream.port(), CLOSED_PORT, dyingUpstream.baseUrl() + "/v1");
		return TestGateways.config(yaml);
	}

}
