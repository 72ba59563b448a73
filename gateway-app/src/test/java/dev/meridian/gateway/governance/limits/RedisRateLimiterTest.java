package dev.meridian.gateway.governance.limits;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** The same behaviour with the counters in Redis; every call must have gone to Redis. */
class RedisRateLimiterTest extends RateLimiterBehaviour {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final String prefix = TestRedis.newPrefix();

	private SharedRedis redis;

	private RedisRateLimiter limiter;

	@BeforeAll
	static void redisIsThere() {
		TestRedis.assumeReachable();
	}

	@BeforeEach
	void connect() {
		redis = TestRedis.connect(TestRedis.URL, prefix, registry);
		limiter = new RedisRateLimiter(redis, clock);
	}

	@AfterEach
	void everyCallWentToRedis() {
		redis.close();
		TestRedis.deleteKeys(prefix);
		assertThat(registry.get("meridian.redis.fallbacks").counter().count()).isZero();
	}

	@Override
	protected RateLimiter limiter() {
		return limiter;
	}

}
