package dev.meridian.gateway.proxy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.ProviderFailures;
import dev.meridian.gateway.testsupport.RoutingIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Where each routing strategy sends traffic, and how a failing deployment cools down, is skipped
 * while it does, and comes back through one probe.
 */
class RoutingStrategiesTest extends RoutingIntegrationTest {

	@Test
	void costBasedPicksTheCheapestMovesOnWhileItCoolsDownAndComesBack() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(chat("cost").headers().firstValue("x-meridian-model")).hasValue("cost-cheap");
		}
		upstream.on("cost-cheap", ProviderFailures.serverError());
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> response = chat("cost");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(response.headers().firstValue("x-meridian-model")).hasValue("cost-dear");
		}
		assertThat(received("cost-cheap")).as("three failures in a row, then left alone").isEqualTo(3 + 5);
		assertThat(deploymentState("mock/cost-cheap")).isEqualTo(2);

		upstream.on("cost-cheap", OpenAiMockServer::answer);
		awaitState("mock/cost-cheap", 1);
		HttpResponse<String> probe = chat("cost");
		assertThat(probe.headers().firstValue("x-meridian-model")).as("the probe").hasValue("cost-cheap");
		eventually(() -> assertThat(deploymentState("mock/cost-cheap")).isZero());
		assertThat(chat("cost").headers().firstValue("x-meridian-model")).hasValue("cost-cheap");
	}

	@Test
	void weightedSharesByWeightAndLeavesOutADeploymentThatCoolsDown() throws Exception {
		List<HttpResponse<String>> responses = concurrently(800, 8, () -> chat("weighted"));
		assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
		// weights 3:1; four standard deviations of a binomial(800, 0.75) is about 6%
		assertThat(received("weighted-a") / 800.0).isCloseTo(0.75, within(0.06));

		upstream.reset();
		upstream.on("weighted-b", ProviderFailures.serverError());
		responses = concurrently(200, 8, () -> chat("weighted"));
		assertThat(responses).allSatisfy(response -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("x-meridian-model")).hasValue("weighted-a");
		});
		assertThat(received("weighted-b")).as("only until it cooled down").isLessThan(20);
	}

	@Test
	void leastBusySendsMoreToTheDeploymentThatAnswersFaster() throws Exception {
		upstream.on("busy-slow", ProviderFailures.slowFirstByte(Duration.ofMillis(300)));

		List<HttpResponse<String>> responses = concurrently(60, 6, () -> chat("busy"));

		assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
		assertThat(received("busy-fast")).isGreaterThan(3 * received("busy-slow"));
	}

	@Test
	void lowestLatencyMeasuresEveryDeploymentThenPrefersTheFastest() throws Exception {
		upstream.on("latency-slow", ProviderFailures.slowFirstByte(Duration.ofMillis(500)));
		// The gateway's first requests are slow while its code warms up; the measured ones should not be.
		assertThat(chat("weighted").statusCode()).isEqualTo(200);

		for (int i = 0; i < 20; i++) {
			assertThat(chat("latency").statusCode()).isEqualTo(200);
			int answered = i + 1;
			eventually(() -> assertThat(attempts("mock/latency-slow", "success") + attempts("mock/latency-fast", "success"))
				.as("latency recorded").isEqualTo(answered));
		}

		assertThat(received("latency-slow")).as("measured once").isEqualTo(1);
		assertThat(received("latency-fast")).isEqualTo(19);
	}

	@Test
	void usageBasedSharesByRpmHeadroomAndAnswers429AtTheLimits() throws Exception {
		for (int i = 0; i < 9; i++) {
			assertThat(chat("usage").statusCode()).isEqualTo(200);
		}
		assertThat(received("usage-small")).isEqualTo(3);
		assertThat(received("usage-large")).isEqualTo(6);

		HttpResponse<String> limited = chat("usage");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.body()).contains("rate_limit_exceeded", "requests or tokens per minute limit");
		assertThat(upstream.requests()).hasSize(9);
	}

	private void awaitState(String deployment, double state) throws InterruptedException {
		long deadline = System.nanoTime() + COOLDOWN.multipliedBy(5).toNanos();
		while (deploymentState(deployment) != state && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(deploymentState(deployment)).isEqualTo(state);
	}

	@FunctionalInterface
	private interface Call {

		HttpResponse<String> send() throws Exception;

	}

	private static List<HttpResponse<String>> concurrently(int requests, int concurrency, Call call) {
		try (ExecutorService clients = Executors.newFixedThreadPool(concurrency)) {
			List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				futures.add(CompletableFuture.supplyAsync(() -> {
					try {
						return call.send();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, clients));
			}
			return futures.stream().map(CompletableFuture::join).toList();
		}
	}

}
