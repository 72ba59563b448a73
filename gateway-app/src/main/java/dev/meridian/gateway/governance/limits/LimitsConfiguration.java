package dev.meridian.gateway.governance.limits;

import java.time.InstantSource;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The {@link RateLimiter} and {@link SpendCounters}: shared through Redis when
 * {@code meridian.redis.url} is set, counted in this replica otherwise. The Redis client is shut down
 * with the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
public class LimitsConfiguration {

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisConfigured.class)
	static class Shared {

		@Bean(destroyMethod = "close")
		SharedRedis sharedRedis(RedisProperties properties, MeterRegistry registry) {
			return new SharedRedis(Objects.requireNonNull(properties.url()), properties.timeout(), properties.keyPrefix(),
					properties.pauseAfterFailure(), registry);
		}

		@Bean(destroyMethod = "close")
		RedisRateLimiter rateLimiter(SharedRedis redis, InstantSource clock) {
			return new RedisRateLimiter(redis, clock);
		}

		@Bean(destroyMethod = "close")
		RedisSpendCounters spendCounters(SharedRedis redis, RedisProperties properties, InstantSource clock) {
			return new RedisSpendCounters(redis, clock, properties.budgetRefresh());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(RedisNotConfigured.class)
	static class PerReplica {

		@Bean
		RateLimiter rateLimiter(InstantSource clock) {
			return new LocalRateLimiter(clock);
		}

		@Bean
		SpendCounters spendCounters() {
			return new LocalSpendCounters();
		}

	}

	/** A blank URL, as an empty environment variable gives, means no Redis. */
	static final class RedisConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("meridian.redis.url"));
		}

	}

	static final class RedisNotConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !new RedisConfigured().matches(context, metadata);
		}

	}

}
