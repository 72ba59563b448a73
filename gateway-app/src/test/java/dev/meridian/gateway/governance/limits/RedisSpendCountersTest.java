package dev.meridian.gateway.governance.limits;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** The same behaviour with the totals shared through Redis; every call must have gone to Redis. */
class RedisSpendCountersTest extends SpendCountersBehaviour {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final String prefix = TestRedis.newPrefix();

	private SharedRedis redis;

	private RedisSpendCounters counters;

	@BeforeAll
	static void redisIsThere() {
		TestRedis.assumeReachable();
	}

	@BeforeEach
	void connect() {
		redis = TestRedis.connect(TestRedis.URL, prefix, registry);
		counters = new RedisSpendCounters(redis, clock, Duration.ofMillis(50));
	}

	@AfterEach
	void everyCallWentToRedis() {
		counters.close();
		redis.close();
		TestRedis.deleteKeys(prefix);
		assertThat(registry.get("meridian.redis.fallbacks").counter().count()).isZero();
	}

	@Override
	protected SpendCounters counters() {
		return counters;
	}

}
