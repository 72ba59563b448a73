package dev.meridian.gateway.testsupport;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.meridian.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole gateway in front of one stand-in per provider wire format
 * (Anthropic, Gemini, an OpenAI-compatible server and OpenAI itself), each answering as the real
 * provider does, and of stand-ins that die in the middle of a stream. Every subclass shares this
 * configuration and its own fresh database, so Spring starts the gateway once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProviderIntegrationTest {

	protected static final String MASTER_KEY = "sk-test-master-key";

	protected static final String ANTHROPIC_KEY = "sk-ant-api03-upstream-secret";

	protected static final String GEMINI_KEY = "AIza-upstream-secret";

	protected static final String COMPATIBLE_KEY = "sk-compatible-upstream-secret";

	protected static final String OPENAI_KEY = "sk-proj-upstream-secret";

	/** Served by Anthropic under its own model id. */
	protected static final String CLAUDE = "claude-sonnet";

	protected static final String CLAUDE_ID = "claude-sonnet-4-5-20250929";

	protected static final String GEMINI = "gemini-flash";

	protected static final String GEMINI_ID = "gemini-2.5-flash";

	/** Served by an OpenAI-compatible server (vLLM, LM Studio, ...). */
	protected static final String LLAMA = "llama";

	protected static final String LLAMA_ID = "llama-3.3-70b-instruct";

	/** Served by a provider of type {@code openai}, the only one the Responses API is forwarded to. */
	protected static final String GPT = "gpt-4o";

	/** Models whose provider dies after the first events of a stream, one per wire format. */
	protected static final String CLAUDE_DYING = "claude-dying";

	protected static final String GEMINI_DYING = "gemini-dying";

	protected static final String LLAMA_DYING = "llama-dying";

	protected static final String GPT_DYING = "gpt-dying";

	/** The text every dying provider still sends before it dies, {@link DyingEventStream#openAiChat()} included. */
	protected static final String LAST_WORDS = "partial";

	protected static final AnthropicMockServer anthropic = new AnthropicMockServer();

	protected static final GeminiMockServer gemini = new GeminiMockServer();

	/** Serves both the OpenAI-compatible provider and the {@code openai} one, told apart by key and model. */
	protected static final OpenAiMockServer openAi = new OpenAiMockServer();

	private static final DyingEventStream dyingAnthropic = new DyingEventStream(
			AnthropicMockServer.streamOpening(CLAUDE_ID, LAST_WORDS));

	private static final DyingEventStream dyingGemini = new DyingEventStream(
			GeminiMockServer.streamEvent(GEMINI_ID, LAST_WORDS));

	private static final DyingEventStream dyingResponses = new DyingEventStream(
			ResponsesAnswers.streamOpening(GPT, LAST_WORDS));

	private static final DyingEventStream dyingChat = DyingEventStream.openAiChat();

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
	void resetProviders() {
		anthropic.reset();
		gemini.reset();
		openAi.reset();
	}

	/** The gateway's root, as the Anthropic SDKs take it (they add {@code /v1/messages}). */
	protected String rootUrl() {
		return "http://127.0.0.1:" + port;
	}

	protected OpenAIClient openAiSdk() {
		return OpenAIOkHttpClient.builder()
			.baseUrl(rootUrl() + "/v1")
			.apiKey(MASTER_KEY)
			.maxRetries(0)
			.timeout(TestHttp.TIMEOUT)
			.build();
	}

	protected AnthropicClient anthropicSdk() {
		return AnthropicOkHttpClient.builder()
			.baseUrl(rootUrl())
			.apiKey(MASTER_KEY)
			.maxRetries(0)
			.timeout(TestHttp.TIMEOUT)
			.build();
	}

	/** A POST of a JSON body to a client API path such as {@code /v1/responses}, with the master key. */
	protected HttpRequest post(String path, String json) {
		return TestHttp.request(rootUrl() + path)
			.header("Authorization", "Bearer " + MASTER_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	/** Sends the request and reads the whole answer, failing rather than waiting past {@link TestHttp#TIMEOUT}. */
	protected static HttpResponse<String> send(HttpRequest request) throws Exception {
		return TestHttp.client()
			.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.get(TestHttp.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static Path writeConfig() {
		String yaml = """
				providers:
				  anthropic: { type: anthropic, base_url: "%s", api_key: "%s" }
				  gemini: { type: gemini, base_url: "%s", api_key: "%s" }
				  local: { type: openai_compatible, base_url: "%s", api_key: "%s" }
				  openai: { type: openai, base_url: "%s", api_key: "%s" }
				  anthropic-dying: { type: anthropic, base_url: "%s", api_key: "%s" }
				  gemini-dying: { type: gemini, base_url: "%s", api_key: "%s" }
				  local-dying: { type: openai_compatible, base_url: "%s" }
				  openai-dying: { type: openai, base_url: "%s", api_key: "%s" }
				models:
				  - { name: %s, provider: anthropic, model: %s }
				  - { name: %s, provider: gemini, model: %s }
				  - { name: %s, provider: local, model: %s }
				  - { name: %s, provider: openai }
				  - { name: %s, provider: anthropic-dying, model: %s }
				  - { name: %s, provider: gemini-dying, model: %s }
				  - { name: %s, provider: local-dying, model: %s }
				  - { name: %s, provider: openai-dying, model: %s }
				routing:
				  first_byte_timeout: 5s
				  timeout: 10s
				  retries: 0                  # each test sees its provider's one answer, as the client does
				""".formatted(anthropic.baseUrl(), ANTHROPIC_KEY, gemini.baseUrl(), GEMINI_KEY, openAi.baseUrl(),
				COMPATIBLE_KEY, openAi.baseUrl(), OPENAI_KEY, dyingAnthropic.baseUrl(), ANTHROPIC_KEY,
				dyingGemini.baseUrl(), GEMINI_KEY, dyingChat.baseUrl() + "/v1", dyingResponses.baseUrl(), OPENAI_KEY, CLAUDE,
				CLAUDE_ID, GEMINI, GEMINI_ID, LLAMA, LLAMA_ID, GPT, CLAUDE_DYING, CLAUDE_ID, GEMINI_DYING, GEMINI_ID,
				LLAMA_DYING, LLAMA_ID, GPT_DYING, GPT);
		return TestGateways.config(yaml);
	}

}
