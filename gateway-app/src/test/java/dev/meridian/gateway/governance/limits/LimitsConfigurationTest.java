package dev.meridian.gateway.governance.limits;

import java.time.InstantSource;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code meridian.redis.url} chooses between per-replica and shared counters. */
class LimitsConfigurationTest {

	private final ApplicationContextRunner gateway = new ApplicationContextRunner()
		.withUserConfiguration(Metrics.class, LimitsConfiguration.class)
		.withBean(InstantSource.class, InstantSource::system);

	@Configuration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Test
	void withoutRedisEachReplicaCountsForItself() {
		gateway.run(app -> {
			assertThat(app.getBean(RateLimiter.class)).isInstanceOf(LocalRateLimiter.class);
			assertThat(app.getBean(SpendCounters.class)).isInstanceOf(LocalSpendCounters.class);
			assertThat(app.getBeansOfType(SharedRedis.class)).isEmpty();
		});
		gateway.withPropertyValues("meridian.redis.url= ").run(app -> {
			assertThat(app.getBean(RateLimiter.class)).isInstanceOf(LocalRateLimiter.class);
		});
	}

	@Test
	void withRedisTheCountersAreSharedAndTheClientStopsWithTheApplication() {
		TestRedis.assumeReachable();
		gateway.withPropertyValues("meridian.redis.url=" + TestRedis.URL, "meridian.redis.timeout=50ms",
				"meridian.redis.key-prefix=" + TestRedis.newPrefix())
			.run(app -> {
				assertThat(app.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
				assertThat(app.getBean(SpendCounters.class)).isInstanceOf(RedisSpendCounters.class);
				assertThat(app.getBean(RedisProperties.class).timeout()).isEqualTo(Duration.ofMillis(50));
				await().atMost(Duration.ofSeconds(10)).until(app.getBean(SharedRedis.class)::ready);
				assertThat(lettuceThreads()).isPositive();
			});
		await().atMost(Duration.ofSeconds(10)).until(() -> lettuceThreads() == 0);
	}

	private static long lettuceThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter(thread -> thread.isAlive() && thread.getName().startsWith("lettuce-"))
			.count();
	}

}
