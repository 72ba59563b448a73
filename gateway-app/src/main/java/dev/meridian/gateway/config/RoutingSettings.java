package dev.meridian.gateway.config;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The {@code routing} section. Durations are written as {@code 600s}, {@code 2m}, {@code 500ms}.
 *
 * @param timeout longest a whole request may take upstream, every attempt and stream included
 * @param firstByteTimeout longest the provider may stay silent: before its first byte, and between reads
 * @param fallbacks for a model name, the model names to try next when it fails
 * @param smart smart routing by prompt complexity; null when not configured
 * @param cooldown how long a failing deployment is left alone
 * @param contextWindowFallbacks the chains for prompts too long for a model; default {@code fallbacks}
 * @param contentPolicyFallbacks the chains for content-policy refusals; default {@code fallbacks}
 * @param groups settings for one model name that differ from the ones above
 */
public record RoutingSettings(@Nullable String strategy, @Nullable Integer retries, @Nullable String timeout,
		@Nullable String firstByteTimeout, @Nullable Map<String, List<String>> fallbacks,
		@Nullable SmartSettings smart, @Nullable String cooldown,
		@Nullable Map<String, List<String>> contextWindowFallbacks,
		@Nullable Map<String, List<String>> contentPolicyFallbacks, @Nullable Map<String, GroupSettings> groups) {

	static final RoutingSettings DEFAULTS = new RoutingSettings(null, null, null, null, null, null, null, null, null,
			null);

	/** An entry of {@code routing.groups}: what differs for one model name; absent fields are inherited. */
	public record GroupSettings(@Nullable String strategy, @Nullable Integer retries, @Nullable String timeout,
			@Nullable String firstByteTimeout) {
	}

}
