package dev.meridian.gateway.routing;

import java.time.Duration;

/**
 * How requests for one model group are routed: {@code routing}'s settings, overridden by the
 * group's entry under {@code routing.groups}.
 *
 * @param retries attempts after the first within the group, before its fallbacks
 * @param timeouts {@code total} bounds the whole request, every attempt and fallback included
 * @param cooldown how long a failing deployment is left alone
 */
public record GroupPolicy(RoutingStrategy strategy, int retries, RoutingTable.Timeouts timeouts, Duration cooldown) {

	public static final int DEFAULT_RETRIES = 2;

	public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);

}
