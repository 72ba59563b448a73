package dev.meridian.gateway.proxy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Token counting in the Anthropic dialect for a model no Anthropic provider serves. */
class CountTokensTest extends GatewayIntegrationTest {

	@Test
	void estimatesLocallyAndGrowsWithTheText() throws Exception {
		long shortCount = count("Hi");
		long longCount = count("Explain, step by step, how a transformer computes attention. ".repeat(20));

		assertThat(shortCount).isPositive();
		assertThat(longCount).isBetween(250L, 400L);
		assertThat(upstream.requests()).as("no provider is asked").isEmpty();
	}

	@Test
	void unknownModelsGetAnthropicsErrorEnvelope() throws Exception {
		HttpResponse<String> response = post("{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode body = JsonMapper.shared().readTree(response.body());
		assertThat(body.path("type").asString()).isEqualTo("error");
		assertThat(body.path("error").path("type").asString()).isEqualTo("not_found_error");
	}

	private long count(String text) throws Exception {
		HttpResponse<String> response = post("{\"model\":\"gpt-4o-mini\",\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":"
				+ JsonMapper.shared().writeValueAsString(text) + "}]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body()).path("input_tokens").asLong();
	}

	private HttpResponse<String> post(String body) throws Exception {
		return TestHttp.client().send(TestHttp.request(baseUrl() + "/messages/count_tokens")
			.header("x-api-key", MASTER_KEY)
			.header("anthropic-version", "2023-06-01")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
