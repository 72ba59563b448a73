package dev.meridian.gateway.testsupport;

import java.nio.file.Path;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.meridian.db.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Base of the tests that run the whole gateway, on a fresh real PostgreSQL database, in front of a
 * {@link BedrockMockServer} (chat and embeddings, temporary AWS credentials) and a
 * {@link GeminiEmbeddingsMock}. Every subclass shares the same configuration, so Spring starts the
 * gateway once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BedrockIntegrationTest {

	protected static final String MASTER_KEY = "sk-test-master-key";

	protected static final String REGION = "eu-west-3";

	protected static final String ACCESS_KEY_ID = "ASIAQ3EGRU7EXAMPLE42";

	protected static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";

	protected static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMyJHMEUCIQDexample";

	protected static final String GEMINI_KEY = "AIzaSyD-meridian-test-key";

	/** Upstream model ids, as Bedrock and Gemini name them. */
	protected static final String CLAUDE = "anthropic.claude-3-5-haiku-20241022-v1:0";

	/** A cross-region inference profile, which Bedrock names by its ARN: ':' and '/' in one path segment. */
	protected static final String SONNET_PROFILE =
			"arn:aws:bedrock:eu-west-3:123456789012:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0";

	protected static final String TITAN = "amazon.titan-embed-text-v2:0";

	protected static final String COHERE = "cohere.embed-english-v3";

	protected static final String GEMINI_EMBEDDING = "gemini-embedding-001";

	protected static final BedrockMockServer bedrock = new BedrockMockServer(REGION,
			AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN));

	protected static final GeminiEmbeddingsMock gemini = new GeminiEmbeddingsMock(GEMINI_KEY);

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
	void resetUpstreams() {
		bedrock.reset();
		gemini.reset();
	}

	protected OpenAIClient openAi() {
		return OpenAIOkHttpClient.builder()
			.baseUrl("http://127.0.0.1:" + port + "/v1")
			.apiKey(MASTER_KEY)
			.maxRetries(0)
			.build();
	}

	/** {@code bedrock-old-secret} holds a secret that no longer matches the key id, as after a rotation. */
	private static Path writeConfig() {
		String yaml = """
				providers:
				  bedrock: { type: bedrock, region: %1$s, base_url: "%2$s", aws_access_key_id: %3$s,
				             aws_secret_access_key: "%4$s", aws_session_token: "%5$s" }
				  bedrock-old-secret: { type: bedrock, region: %1$s, base_url: "%2$s", aws_access_key_id: %3$s,
				                        aws_secret_access_key: "rotated-away-secret", aws_session_token: "%5$s" }
				  gemini: { type: gemini, base_url: "%6$s", api_key: "%7$s" }
				models:
				  - { name: claude-haiku, provider: bedrock, model: "%8$s" }
				  - { name: claude-haiku-old-secret, provider: bedrock-old-secret, model: "%8$s" }
				  - { name: claude-sonnet-eu, provider: bedrock, model: "%9$s" }
				  - { name: titan-embed, provider: bedrock, model: "%10$s" }
				  - { name: cohere-embed, provider: bedrock, model: %11$s, input_cost_per_mtok: 0.10 }
				  - { name: gemini-embed, provider: gemini, model: %12$s }
				routing:
				  first_byte_timeout: 2s
				  timeout: 5s
				  retries: 0                  # each test sees its provider's one answer, as the client does
				""".formatted(REGION, bedrock.baseUrl(), ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN,
				gemini.baseUrl(), GEMINI_KEY, CLAUDE, SONNET_PROFILE, TITAN, COHERE, GEMINI_EMBEDDING);
		return TestGateways.config(yaml);
	}

}
