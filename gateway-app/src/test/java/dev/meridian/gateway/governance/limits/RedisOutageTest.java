package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

import dev.meridian.db.governance.BudgetPeriod;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests never fail because of Redis: while it is down or frozen, each replica counts for itself,
 * says so once in the log and in its metrics, and shares its counters again once Redis is back.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest {

	private static final String WENT = "Redis unreachable, rate limits are per replica until it is back";

	private static final String CAME_BACK = "is reachable again";

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final String prefix = TestRedis.newPrefix();

	private SharedRedis redis;

	private RedisServerProcess server;

	@AfterEach
	void close() throws Exception {
		if (redis != null) {
			redis.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aReplicaStartedWhileRedisIsDownCountsForItselfUntilRedisComes(CapturedOutput output) throws Exception {
		server = RedisServerProcess.notStartedYet();
		redis = new SharedRedis(server.url(), Duration.ofMillis(100), prefix, Duration.ofMillis(200), registry);
		RedisRateLimiter limiter = new RedisRateLimiter(redis, InstantSource.system());
		List<LimitSubject> key = List.of(LimitSubject.key(UUID.randomUUID(), 3, null));

		for (int i = 0; i < 3; i++) {
			assertThat(limiter.admit(key, 0).block().admitted()).isTrue();
		}
		assertThat(limiter.admit(key, 0).block().refusal().limit()).isEqualTo(Limit.REQUESTS);

		assertThat(fallbacks()).isEqualTo(4);
		await().atMost(Duration.ofSeconds(10)).until(() -> available() == 0);
		assertThat(output.getOut()).containsOnlyOnce(WENT);

		server.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			limiter.admit(key, 0).block(Duration.ofSeconds(10));
			return available() == 1;
		});
		// Redis has counted nothing of what this replica admitted alone.
		assertThat(limiter.admit(key, 0).block().admitted()).isTrue();
	}

	@Test
	void aDeadRedisIsReplacedByLocalCountersUntilItIsBack(CapturedOutput output) throws Exception {
		server = RedisServerProcess.startOnFreePort();
		redis = TestRedis.connect(server.url(), prefix, registry);
		RedisRateLimiter limiter = new RedisRateLimiter(redis, InstantSource.system());
		RedisSpendCounters spend = new RedisSpendCounters(redis, InstantSource.system(), Duration.ofMillis(50));
		List<LimitSubject> key = List.of(LimitSubject.key(UUID.randomUUID(), 1000, null));
		BudgetSubject budget = BudgetSubject.key(UUID.randomUUID(), BudgetPeriod.DAILY, 5);
		assertThat(limiter.admit(key, 0).block().admitted()).isTrue();
		assertThat(fallbacks()).isZero();
		assertThat(available()).isEqualTo(1);

		server.kill();
		for (int i = 0; i < 20; i++) {
			assertThat(limiter.admit(key, 0).block(Duration.ofSeconds(10)).admitted()).isTrue();
		}
		spend.add(budget, Instant.now(), 2);

		assertThat(fallbacks()).isGreaterThanOrEqualTo(20);
		assertThat(available()).isZero();
		assertThat(spend.spent(budget, Instant.now())).isEqualTo(2);

		server.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			limiter.admit(key, 0).block(Duration.ofSeconds(10));
			return available() == 1;
		});
		double fallbacksAfterRecovery = fallbacks();
		assertThat(limiter.admit(key, 0).block().admitted()).isTrue();
		assertThat(fallbacks()).isEqualTo(fallbacksAfterRecovery);
		// The cost kept in memory during the outage reaches Redis.
		await().atMost(Duration.ofSeconds(10)).until(() -> "2".equals(get(spendKey(budget))));
		assertThat(spend.spent(budget, Instant.now())).isEqualTo(2);
		spend.close();

		assertThat(output.getOut()).containsOnlyOnce(WENT).containsOnlyOnce(CAME_BACK);
	}

	@Test
	void aRedisThatStopsAnsweringCostsRequestsOnlyTheTimeout() throws Exception {
		server = RedisServerProcess.startOnFreePort();
		redis = new SharedRedis(server.url(), Duration.ofMillis(100), prefix, Duration.ofMillis(200), registry);
		await().atMost(Duration.ofSeconds(10)).until(redis::ready);
		RedisRateLimiter limiter = new RedisRateLimiter(redis, InstantSource.system());
		List<LimitSubject> key = List.of(LimitSubject.key(UUID.randomUUID(), 1000, null));

		server.freeze();
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.admit(key, 0).block(Duration.ofSeconds(10)).admitted()).isTrue();
		}

		assertThat(fallbacks()).isEqualTo(5);
		assertThat(available()).isZero();
		server.thaw();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			limiter.admit(key, 0).block(Duration.ofSeconds(10));
			return available() == 1;
		});
	}

	private double fallbacks() {
		return registry.get("meridian.redis.fallbacks").counter().count();
	}

	private double available() {
		return registry.get("meridian.redis.available").gauge().value();
	}

	private String spendKey(BudgetSubject subject) {
		return prefix + "spend:key:" + subject.id() + ":daily:"
				+ BudgetPeriod.DAILY.start(Instant.now()).getEpochSecond();
	}

	private String get(String key) {
		try (RedisClient client = RedisClient.create(server.url());
				StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().get(key);
		}
	}

}
