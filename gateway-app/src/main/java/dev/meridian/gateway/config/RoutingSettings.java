package dev.meridian.gateway.config;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code routing} section. Durations are written as {@code 600s}, {@code 2m}, {@code 500ms}.
 *
 * @param timeout longest a whole upstream call may take, stream included
 * @param firstByteTimeout longest the provider may stay silent: before its first byte, and between reads
 * @param smart smart routing by prompt complexity; null when not configured
 */
public record RoutingSettings(@Nullable String strategy, @Nullable Integer retries, @Nullable String timeout,
		@Nullable String firstByteTimeout, @Nullable Map<String, List<String>> fallbacks, @Nullable SmartSettings smart) {

	static final RoutingSettings DEFAULTS = new RoutingSettings(null, null, null, null, null, null);

}
