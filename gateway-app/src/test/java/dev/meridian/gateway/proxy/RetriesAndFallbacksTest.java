package dev.meridian.gateway.proxy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.ProviderFailures;
import dev.meridian.gateway.testsupport.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures that another attempt may fix are retried, on another deployment when there is one; a
 * model that keeps failing hands the request to the next model of its fallback chain; nothing is
 * retried once the client has received a byte.
 */
class RetriesAndFallbacksTest extends RoutingIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void aRefusedConnectionIsRetriedOnAnotherDeployment() throws Exception {
		HttpResponse<String> response = chat("connect-failover");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-model")).hasValue("backup");
		assertThat(response.headers().firstValue("x-meridian-attempted-fallbacks")).hasValue("0");
		assertThat(received("backup")).isEqualTo(1);
		assertThat(attempts("refused/nowhere", "unreachable")).isEqualTo(1);
		eventually(() -> assertThat(attempts("mock/backup", "success")).isEqualTo(1));
	}

	@Test
	void aDroppedConnectionAndA500AreRetriedOnTheOnlyDeployment() throws Exception {
		upstream.on("flaky", ProviderFailures.failingFirst(ProviderFailures.dropConnection(),
				ProviderFailures.serverError()));

		HttpResponse<String> response = chat("flaky");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(received("flaky")).isEqualTo(3);
		// The HTTP client itself sends a request once more when a pooled connection turns out closed
		// before any answer; then the gateway sees the 500 only, and retries once.
		assertThat(attempts("mock/flaky", "server_error")).isEqualTo(1);
		assertThat(attempts("mock/flaky", "unreachable")).isLessThanOrEqualTo(1);
		eventually(() -> assertThat(attempts("mock/flaky", "success")).isEqualTo(1));
	}

	@Test
	void aStreamThatDiesAfterItsFirstEventIsNeverRetried() throws Exception {
		HttpResponse<String> response = chat("dies", "hi", true);
		eventually(() -> assertThat(ledgerRow(response)).as("the broken stream is in the ledger, served by the first try")
			.containsEntry("status", (short) 200)
			.containsEntry("deployment", "dying/dies-first")
			.containsEntry("fallbacks", (short) 0));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("partial");
		assertThat(response.body().strip()).as("ends with the error event").startsWith("data: ")
			.contains("\"error\"");
		assertThat(dying.requests()).isEqualTo(1);
		assertThat(received("dies-second")).as("no retry on the other deployment").isZero();
	}

	@Test
	void aRateLimitIsRetriedAfterTheDelayTheProviderAskedFor() throws Exception {
		List<Long> arrivals = new CopyOnWriteArrayList<>();
		OpenAiMockServer.Behaviour limitedOnce = ProviderFailures
			.failingFirst(ProviderFailures.rateLimited("retry-after-ms", "700"));
		upstream.on("limited", (exchange, request) -> {
			arrivals.add(System.nanoTime());
			limitedOnce.answer(exchange, request);
		});

		HttpResponse<String> response = chat("limited");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(arrivals).hasSize(2);
		assertThat(Duration.ofNanos(arrivals.get(1) - arrivals.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(700));
		eventually(() -> assertThat(deploymentState("mock/limited")).as("the retry was its successful probe").isZero());
	}

	@Test
	void aRetryAfterLongerThanTheTimeLeftEndsTheRequestWithoutWaiting() throws Exception {
		upstream.on("limited-long", ProviderFailures.rateLimited("retry-after", "30"));

		HttpResponse<String> response = chat("limited-long", "x-meridian-timeout", "5s");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(error(response).path("code").asString()).isEqualTo("rate_limit_exceeded");
		assertThat(received("limited-long")).isEqualTo(1);
		assertThat(deploymentState("mock/limited-long")).as("cooling down as asked").isEqualTo(2);
	}

	@Test
	void aSlowFirstByteIsRetriedOnAnotherDeployment() throws Exception {
		upstream.on("slow-first", ProviderFailures.slowFirstByte(Duration.ofSeconds(4)));

		HttpResponse<String> response = chat("slow-pair");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-model")).hasValue("fast-second");
		assertThat(attempts("mock/slow-first", "timeout")).isEqualTo(1);
	}

	@Test
	void theTimeoutHeaderShortensTheRequestsTimeout() throws Exception {
		upstream.on("slow", ProviderFailures.slowFirstByte(Duration.ofSeconds(4)));
		long start = System.nanoTime();

		HttpResponse<String> response = chat("slow", "x-meridian-timeout", "500ms");

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(error(response).path("code").asString()).isEqualTo("upstream_timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the 5 s first-byte timeout")
			.isLessThan(Duration.ofSeconds(4));
		assertThat(received("slow")).as("no time left for a retry").isEqualTo(1);
		assertThat(deploymentState("mock/slow")).as("the client's deadline is not the deployment's fault").isZero();

		HttpResponse<String> invalid = chat("slow", "x-meridian-timeout", "soon");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(error(invalid).path("param").asString()).isEqualTo("x-meridian-timeout");
	}

	@Test
	void aFailingModelHandsTheRequestDownItsFallbackChain() throws Exception {
		upstream.on("primary", ProviderFailures.serverError());

		HttpResponse<String> response = chat("primary");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-model")).hasValue("tertiary");
		assertThat(response.headers().firstValue("x-meridian-attempted-fallbacks")).hasValue("2");
		assertThat(received("primary")).as("one retry before falling back").isEqualTo(2);
		assertThat(attempts("refused/secondary", "unreachable")).as("secondary's own retries").isEqualTo(3);
		assertThat(fallbacks("primary", "secondary", "error")).isEqualTo(1);
		assertThat(fallbacks("primary", "tertiary", "error")).isEqualTo(1);
		assertThat(get("/actuator/prometheus").body())
			.contains("meridian_fallbacks_total{fallback_model=\"tertiary\",model=\"primary\",reason=\"error\"} 1.0")
			.contains("meridian_upstream_attempts_total{deployment=\"mock/primary\",result=\"server_error\"} 2.0")
			.contains("meridian_deployment_state{deployment=\"mock/tertiary\"} 0.0");
		eventually(() -> assertThat(ledgerRow(response)).containsEntry("requested_model", "primary")
			.containsEntry("deployment", "mock/tertiary")
			.containsEntry("fallbacks", (short) 2)
			.containsEntry("status", (short) 200));
	}

	@Test
	void aPromptTooLongForTheModelGoesToOneWithALargerWindowUntried() throws Exception {
		String prompt = "word ".repeat(2_000);
		double before = fallbacks("small-window", "large-window", "context_window");

		HttpResponse<String> response = chat("small-window", prompt, false);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-model")).hasValue("large-window");
		assertThat(response.headers().firstValue("x-meridian-attempted-fallbacks")).hasValue("1");
		assertThat(received("small-window")).isZero();
		assertThat(fallbacks("small-window", "large-window", "context_window")).isEqualTo(before + 1);
	}

	@Test
	void aPromptTooLongForEveryModelItMayGoToIs400() throws Exception {
		HttpResponse<String> response = chat("tiny-only", "word ".repeat(2_000), false);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(error(response).path("code").asString()).isEqualTo("context_length_exceeded");
		assertThat(received("tiny-only")).isZero();
	}

	@Test
	void aContextLengthErrorFromTheProviderMovesOnToALargerWindow() throws Exception {
		upstream.on("small-window", ProviderFailures.badRequest("context_length_exceeded",
				"This model's maximum context length is 1000 tokens. However, your messages resulted in 1200 tokens."));

		HttpResponse<String> response = chat("small-window");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-model")).hasValue("large-window");
		assertThat(received("small-window")).as("not retried").isEqualTo(1);
		assertThat(deploymentState("mock/small-window")).as("the request's fault, not the deployment's").isZero();
	}

	@Test
	void aContentPolicyRefusalMovesOnAlongTheContentPolicyChain() throws Exception {
		upstream.on("strict", ProviderFailures.badRequest("content_filter",
				"The response was filtered due to the prompt triggering Azure OpenAI's content management policy."));

		HttpResponse<String> response = chat("strict");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("x-meridian-model")).hasValue("lenient");
		assertThat(received("strict")).isEqualTo(1);
		assertThat(fallbacks("strict", "lenient", "content_policy")).isEqualTo(1);
	}

	private static JsonNode error(HttpResponse<String> response) {
		return JSON.readTree(response.body()).path("error");
	}

}
