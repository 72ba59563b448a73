package dev.meridian.gateway.proxy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes and the Prometheus scrape, with the gateway's own request metrics in it. */
class OperationsEndpointsTest extends GatewayIntegrationTest {

	private final HttpClient http = TestHttp.client();

	@Test
	void livenessAndReadinessProbesAreUp() throws Exception {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> response = get(probe);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void prometheusShowsTheRequestMetrics() throws Exception {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o-mini")
			.addUserMessage("hi")
			.build();
		openAi().chat().completions().create(params);
		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(params)) {
			stream.stream().forEach(chunk -> {
			});
		}

		String scrape = get("/actuator/prometheus").body();

		assertThat(scrape).contains("meridian_requests_total{model=\"gpt-4o-mini\",provider=\"mock\",status=\"200\"}")
			.contains("meridian_request_duration_seconds_bucket{model=\"gpt-4o-mini\",provider=\"mock\"")
			.contains("meridian_overhead_seconds_count")
			.contains("meridian_time_to_first_token_seconds_count{model=\"gpt-4o-mini\",provider=\"mock\"}")
			.contains("meridian_tokens_total{model=\"gpt-4o-mini\",type=\"input\"}")
			.contains("meridian_tokens_total{model=\"gpt-4o-mini\",type=\"cached\"}")
			.contains("meridian_cost_usd_total{model=\"gpt-4o-mini\",team=\"none\"}")
			.contains("gen_ai_client_token_usage_count{gen_ai_provider_name=\"mock\",gen_ai_request_model=\"gpt-4o-mini\",gen_ai_token_type=\"output\"}")
			.contains("reactor_netty_connection_provider_active_connections{")
			.contains("name=\"meridian-mock\"");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(TestHttp.request("http://127.0.0.1:" + port + path).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
