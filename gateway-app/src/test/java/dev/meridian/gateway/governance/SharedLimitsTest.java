package dev.meridian.gateway.governance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import dev.meridian.MeridianApplication;
import dev.meridian.gateway.testsupport.AdminApiClient;
import dev.meridian.gateway.testsupport.TestGateways;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Two gateway replicas sharing one Redis enforce one key's limit together. */
class SharedLimitsTest extends GatewayIntegrationTest {

	private static final String REDIS_URL = "redis://127.0.0.1:6379";

	private static final String PREFIX = "meridian-test:" + UUID.randomUUID() + ":";

	private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

	private static ConfigurableApplicationContext secondReplica;

	@DynamicPropertySource
	static void sharedRedis(DynamicPropertyRegistry registry) {
		registry.add("meridian.redis.url", () -> REDIS_URL);
		registry.add("meridian.redis.key-prefix", () -> PREFIX);
	}

	@BeforeAll
	static void redisIsThere() {
		assumeTrue(listens(6379), "Redis is not reachable at 127.0.0.1:6379");
	}

	@AfterAll
	static void stopSecondReplica() {
		if (secondReplica != null) {
			secondReplica.close();
		}
	}

	@Test
	void twoReplicasAdmitExactlyTheKeysRequestsPerMinute() throws Exception {
		secondReplica = new SpringApplicationBuilder(MeridianApplication.class).run("--server.port=0",
				"--meridian.database.url=" + databaseUrl(), "--meridian.config=" + configFile(),
				"--meridian.master-key=" + MASTER_KEY, "--meridian.data-dir=" + TestGateways.dataDirectory(),
				"--meridian.redis.url=" + REDIS_URL,
				"--meridian.redis.key-prefix=" + PREFIX);
		String first = baseUrl();
		String second = "http://127.0.0.1:" + ((WebServerApplicationContext) secondReplica).getWebServer().getPort()
				+ "/v1";
		AdminApiClient.Reply issued = new AdminApiClient(port).post("/keys", MASTER_KEY,
				"{\"name\":\"shared\",\"rpm_limit\":4}");
		String key = issued.json().path("key").asString();
		for (String gateway : new String[] { first, second }) {
			await().atMost(Duration.ofSeconds(1)).until(() -> chat(gateway, key, "{}") != 401);
		}

		int admitted = 0;
		int refused = 0;
		for (int round = 0; round < 3; round++) {
			for (String gateway : new String[] { first, second }) {
				int status = chat(gateway, key, CHAT);
				if (status == 200) {
					admitted++;
				}
				else if (status == 429) {
					refused++;
				}
			}
		}
		assertThat(admitted).isEqualTo(4);
		assertThat(refused).isEqualTo(2);
	}

	private static int chat(String gateway, String key, String body) throws Exception {
		return TestHttp.client()
			.send(TestHttp.request(gateway + "/chat/completions")
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
