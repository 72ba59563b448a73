package dev.meridian.gateway.governance.limits;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Redis every build has at 127.0.0.1:6379. Each test writes under its own random key prefix, so
 * tests and builds sharing the server never see each other's counters.
 */
final class TestRedis {

	static final String URL = "redis://127.0.0.1:6379";

	private TestRedis() {
	}

	static void assumeReachable() {
		assumeTrue(listens(6379), "Redis is not reachable at 127.0.0.1:6379");
	}

	static String newPrefix() {
		return "meridian-test:" + UUID.randomUUID() + ":";
	}

	/** A connected client, as one replica has. */
	static SharedRedis connect(String url, String prefix, MeterRegistry registry) {
		SharedRedis redis = new SharedRedis(url, Duration.ofSeconds(2), prefix, Duration.ofMillis(200), registry);
		await().atMost(Duration.ofSeconds(10)).until(redis::ready);
		return redis;
	}

	/** Removes what a test wrote. */
	static void deleteKeys(String prefix) {
		try (RedisClient client = RedisClient.create(URL);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			List<String> keys = connection.sync().keys(prefix + "*");
			if (!keys.isEmpty()) {
				connection.sync().del(keys.toArray(String[]::new));
			}
		}
	}

	static boolean listens(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
