package dev.meridian.gateway.proxy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure reaches the client as the OpenAI error envelope with the right status, never as a
 * stack trace or an HTML page.
 */
class ErrorResponsesTest extends GatewayIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = TestHttp.client();

	private static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

	@Test
	void malformedJsonIs400() throws Exception {
		JsonNode error = expectError(post("/chat/completions", "{\"model\": \"gpt-4o-mini\", "), 400);
		assertThat(error.path("code").asString()).isEqualTo("invalid_json");
		assertThat(error.path("message").asString()).startsWith("The request body is not valid JSON");
		expectError(post("/chat/completions", "[1,2]"), 400);
		expectError(post("/chat/completions", "{\"model\":\"gpt-4o-mini\"," + HELLO + "} trailing"), 400);
		expectError(post("/chat/completions", ""), 400);
	}

	@Test
	void missingOrMistypedFieldsAre400NamingTheParameter() throws Exception {
		assertThat(expectError(post("/chat/completions", "{" + HELLO + "}"), 400).path("param").asString())
			.isEqualTo("model");
		assertThat(expectError(post("/chat/completions", "{\"model\":\"gpt-4o-mini\"}"), 400).path("param").asString())
			.isEqualTo("messages");
		assertThat(expectError(post("/chat/completions", "{\"model\":42," + HELLO + "}"), 400).path("param").asString())
			.isEqualTo("model");
		assertThat(expectError(post("/chat/completions", "{\"model\":\"gpt-4o-mini\",\"stream\":\"yes\"," + HELLO + "}"),
				400).path("param").asString()).isEqualTo("stream");
		assertThat(expectError(post("/embeddings", "{\"model\":\"text-embedding-3-small\"}"), 400).path("param").asString())
			.isEqualTo("input");
		assertThat(upstream.requests()).isEmpty();
	}

	@Test
	void unknownModelIs404() throws Exception {
		JsonNode error = expectError(post("/chat/completions", "{\"model\":\"gpt-9\"," + HELLO + "}"), 404);
		assertThat(error.path("code").asString()).isEqualTo("model_not_found");
	}

	@Test
	void missingOrWrongKeyIs401() throws Exception {
		HttpRequest noKey = TestHttp.request(baseUrl() + "/chat/completions")
			.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\"," + HELLO + "}"))
			.build();
		assertThat(expectError(noKey, 401).path("code").asString()).isEqualTo("missing_api_key");
		HttpRequest wrongKey = TestHttp.request(baseUrl() + "/chat/completions")
			.header("Authorization", "Bearer sk-not-the-key")
			.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\"," + HELLO + "}"))
			.build();
		assertThat(expectError(wrongKey, 401).path("code").asString()).isEqualTo("invalid_api_key");
		HttpRequest anthropicStyle = TestHttp.request(baseUrl() + "/models")
			.header("x-api-key", MASTER_KEY)
			.build();
		assertThat(http.send(anthropicStyle, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void bodiesOverTheLimitAre413WithOrWithoutContentLength() throws Exception {
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		Arrays.fill(big, (byte) ' ');
		HttpRequest declared = authorized("/chat/completions").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
		assertThat(expectError(declared, 413).path("code").asString()).isEqualTo("request_too_large");
		HttpRequest chunked = authorized("/chat/completions")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
			.build();
		expectError(chunked, 413);
	}

	@Test
	void aProviderThatRefusesConnectionsIs502() throws Exception {
		JsonNode error = expectError(post("/chat/completions", "{\"model\":\"unreachable\"," + HELLO + "}"), 502);
		assertThat(error.path("type").asString()).isEqualTo("upstream_error");
	}

	@Test
	void aProviderThatDropsTheConnectionIs502() throws Exception {
		upstream.on("scripted", (exchange, request) -> {
			throw new IllegalStateException("connection reset before any answer");
		});
		expectError(post("/chat/completions", "{\"model\":\"scripted\"," + HELLO + "}"), 502);
	}

	@Test
	void aProviderTooSlowToAnswerIs504() throws Exception {
		upstream.on("scripted", (exchange, request) -> {
			Thread.sleep(4_000);
			OpenAiMockServer.sendJson(exchange, 200, OpenAiMockServer.chatCompletion("scripted"));
		});
		long start = System.nanoTime();
		JsonNode error = expectError(post("/chat/completions", "{\"model\":\"scripted\"," + HELLO + "}"), 504);
		assertThat(error.path("code").asString()).isEqualTo("upstream_timeout");
		assertThat((System.nanoTime() - start) / 1_000_000).as("answered at the 2 s first-byte timeout")
			.isLessThan(3_900);
	}

	@Test
	void providerErrorsKeepTheirStatusAndOpenAiEnvelope() throws Exception {
		upstream.on("scripted", (exchange, request) -> OpenAiMockServer.sendJson(exchange, 429,
				OpenAiMockServer.error("Rate limit reached for requests", "requests", "rate_limit_exceeded")));
		JsonNode error = expectError(post("/chat/completions", "{\"model\":\"scripted\"," + HELLO + "}"), 429);
		assertThat(error.path("message").asString()).isEqualTo("Rate limit reached for requests");
		assertThat(error.path("type").asString()).isEqualTo("requests");
		assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
	}

	@Test
	void providerErrorsInOtherShapesAreNormalisedToTheEnvelope() throws Exception {
		upstream.on("scripted", (exchange, request) -> {
			byte[] text = "upstream exploded".getBytes();
			exchange.getResponseHeaders().set("Content-Type", "text/plain");
			exchange.sendResponseHeaders(500, text.length);
			exchange.getResponseBody().write(text);
		});
		JsonNode error = expectError(post("/chat/completions", "{\"model\":\"scripted\"," + HELLO + "}"), 500);
		assertThat(error.path("message").asString()).isEqualTo("upstream exploded");
		assertThat(error.path("type").asString()).isEqualTo("api_error");

		upstream.on("scripted", (exchange, request) -> OpenAiMockServer.sendJson(exchange, 400,
				"{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}"));
		error = expectError(post("/chat/completions", "{\"model\":\"scripted\"," + HELLO + "}"), 400);
		assertThat(error.path("message").asString()).isEqualTo("max_tokens is too large");
		assertThat(error.path("code").asString()).isEqualTo("400");
	}

	@Test
	void wrongMethodsAndUnknownPathsGetTheEnvelopeToo() throws Exception {
		expectError(authorized("/chat/completions").GET().build(), 405);
		expectError(authorized("/no/such/endpoint").GET().build(), 404);
		expectError(post("/models", "{}"), 405);
	}

	private HttpRequest.Builder authorized(String path) {
		return TestHttp.request(baseUrl() + path).header("Authorization", "Bearer " + MASTER_KEY);
	}

	private HttpRequest post(String path, String body) {
		return authorized(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private JsonNode expectError(HttpRequest request, int status) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).doesNotContain("Exception", "<html", "trace");
		JsonNode error = JSON.readTree(response.body()).path("error");
		assertThat(error.isObject()).as(response.body()).isTrue();
		assertThat(error.has("message") && error.has("type") && error.has("param") && error.has("code")).isTrue();
		return error;
	}

}
