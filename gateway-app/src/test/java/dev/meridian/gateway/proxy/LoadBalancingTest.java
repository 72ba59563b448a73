package dev.meridian.gateway.proxy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Entries sharing a model name form a group that shares requests by weight. */
class LoadBalancingTest extends GatewayIntegrationTest {

	private static final int REQUESTS = 2_000;

	@Test
	void requestsAreSpreadByWeight() throws Exception {
		HttpClient http = TestHttp.client();
		HttpRequest request = TestHttp.request(baseUrl() + "/chat/completions")
			.header("Authorization", "Bearer " + MASTER_KEY)
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"model\":\"balanced\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
			.build();
		Semaphore inFlight = new Semaphore(16);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			inFlight.acquire();
			responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, error) -> inFlight.release()));
		}
		CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();

		assertThat(responses).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
		Map<String, Long> servedBy = upstream.requests()
			.stream()
			.collect(Collectors.groupingBy(OpenAiMockServer.RecordedRequest::model, Collectors.counting()));
		assertThat(servedBy.keySet()).containsExactlyInAnyOrder("balanced-a", "balanced-b");
		// weights 3:1; four standard deviations of a binomial(2000, 0.75) is about 3.9%
		assertThat(servedBy.get("balanced-a") / (double) REQUESTS).isCloseTo(0.75, within(0.04));
		assertThat(responses.stream().map(CompletableFuture::join).map(r -> r.headers().firstValue("x-meridian-model").orElseThrow())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
			.isEqualTo(servedBy);
	}

}
