package dev.meridian.gateway.governance.limits;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the counters shared by all replicas live. Without a URL every replica counts for itself.
 *
 * @param url {@code redis://[:password@]host:6379[/db]}, {@code rediss://} for TLS, or
 * {@code redis-sentinel://}
 * @param timeout the longest a request waits for Redis before it is counted locally instead
 * @param keyPrefix put before every key Meridian writes, so that several installations can share a
 * Redis
 * @param pauseAfterFailure how long replicas count locally after Redis failed before they try it again
 * @param budgetRefresh how often each replica reads the shared budget totals
 */
@ConfigurationProperties("meridian.redis")
public record RedisProperties(@Nullable String url, @DefaultValue("100ms") Duration timeout,
		@DefaultValue("meridian:") String keyPrefix, @DefaultValue("5s") Duration pauseAfterFailure,
		@DefaultValue("1s") Duration budgetRefresh) {
}
