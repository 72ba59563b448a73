package dev.meridian.gateway.routing;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.meridian.gateway.config.RoutingSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code routing} section read for each model group: its {@link GroupPolicy} ({@code routing}'s
 * settings under the group's entry in {@code routing.groups}) and its fallback chains. Every value
 * and every model name is checked; problems are added to the list with where they are.
 */
final class RoutingPolicies {

	static final int MAX_RETRIES = 10;

	private final GroupPolicy defaults;

	private final Map<String, GroupPolicy> byGroup;

	private final Map<FallbackReason, Map<String, List<String>>> chains;

	private RoutingPolicies(GroupPolicy defaults, Map<String, GroupPolicy> byGroup,
			Map<FallbackReason, Map<String, List<String>>> chains) {
		this.defaults = defaults;
		this.byGroup = byGroup;
		this.chains = chains;
	}

	static RoutingPolicies read(RoutingSettings routing, Set<String> modelNames, List<String> problems) {
		Duration total = duration(routing.timeout(), RoutingTable.DEFAULT_TIMEOUT, "routing.timeout", problems);
		Duration firstByte = duration(routing.firstByteTimeout(), min(total, RoutingTable.DEFAULT_FIRST_BYTE_TIMEOUT),
				"routing.first_byte_timeout", problems);
		GroupPolicy defaults = new GroupPolicy(
				strategy(routing.strategy(), RoutingStrategy.WEIGHTED, "routing.strategy", problems),
				retries(routing.retries(), GroupPolicy.DEFAULT_RETRIES, "routing.retries", problems),
				new RoutingTable.Timeouts(total, firstByte),
				duration(routing.cooldown(), GroupPolicy.DEFAULT_COOLDOWN, "routing.cooldown", problems));
		Map<String, GroupPolicy> byGroup = new HashMap<>();
		if (routing.groups() != null) {
			routing.groups().forEach((name, settings) -> {
				String where = "routing.groups." + name;
				if (!modelNames.contains(name)) {
					problems.add(where + ": no model is named '" + name + "' (configured: " + modelNames + ")");
				}
				else if (settings != null) {
					byGroup.put(name, override(defaults, settings, where, problems));
				}
			});
		}
		Map<String, List<String>> general = chains(routing.fallbacks(), "routing.fallbacks", modelNames, problems);
		Map<FallbackReason, Map<String, List<String>>> chains = new EnumMap<>(FallbackReason.class);
		chains.put(FallbackReason.ERROR, general);
		chains.put(FallbackReason.CONTEXT_WINDOW, withDefaults(chains(routing.contextWindowFallbacks(),
				"routing.context_window_fallbacks", modelNames, problems), general));
		chains.put(FallbackReason.CONTENT_POLICY, withDefaults(chains(routing.contentPolicyFallbacks(),
				"routing.content_policy_fallbacks", modelNames, problems), general));
		return new RoutingPolicies(defaults, byGroup, chains);
	}

	GroupPolicy defaults() {
		return defaults;
	}

	GroupPolicy policy(String group) {
		return byGroup.getOrDefault(group, defaults);
	}

	Map<FallbackReason, List<String>> fallbacks(String group) {
		Map<FallbackReason, List<String>> fallbacks = new EnumMap<>(FallbackReason.class);
		chains.forEach((reason, byName) -> fallbacks.put(reason, byName.getOrDefault(group, List.of())));
		return fallbacks;
	}

	private static GroupPolicy override(GroupPolicy defaults, RoutingSettings.GroupSettings settings, String where,
			List<String> problems) {
		Duration total = duration(settings.timeout(), defaults.timeouts().total(), where + ".timeout", problems);
		Duration firstByte = duration(settings.firstByteTimeout(), min(total, defaults.timeouts().firstByte()),
				where + ".first_byte_timeout", problems);
		return new GroupPolicy(strategy(settings.strategy(), defaults.strategy(), where + ".strategy", problems),
				retries(settings.retries(), defaults.retries(), where + ".retries", problems),
				new RoutingTable.Timeouts(total, firstByte), defaults.cooldown());
	}

	/** Chains by model name, checked: every name is configured, none falls back to itself. */
	private static Map<String, List<String>> chains(@Nullable Map<String, List<String>> configured, String where,
			Set<String> modelNames, List<String> problems) {
		Map<String, List<String>> chains = new HashMap<>();
		if (configured == null) {
			return chains;
		}
		configured.forEach((name, chain) -> {
			String at = where + "." + name;
			if (!modelNames.contains(name)) {
				problems.add(at + ": no model is named '" + name + "' (configured: " + modelNames + ")");
				return;
			}
			List<String> names = (chain == null) ? List.of() : chain;
			for (int i = 0; i < names.size(); i++) {
				String next = names.get(i);
				if (next == null || !modelNames.contains(next)) {
					problems.add(at + "[" + i + "]: no model is named '" + next + "' (configured: " + modelNames + ")");
				}
				else if (next.equals(name)) {
					problems.add(at + "[" + i + "]: a model cannot fall back to itself");
				}
			}
			chains.put(name, List.copyOf(names.stream().filter(n -> n != null).toList()));
		});
		return chains;
	}

	private static Map<String, List<String>> withDefaults(Map<String, List<String>> specific,
			Map<String, List<String>> general) {
		Map<String, List<String>> merged = new HashMap<>(general);
		merged.putAll(specific);
		return merged;
	}

	private static RoutingStrategy strategy(@Nullable String name, RoutingStrategy fallback, String where,
			List<String> problems) {
		if (name == null) {
			return fallback;
		}
		RoutingStrategy strategy = RoutingStrategy.fromConfigName(name);
		if (strategy == null) {
			problems.add(where + ": unknown strategy '" + name + "' (one of " + RoutingStrategy.configNames() + ")");
			return fallback;
		}
		return strategy;
	}

	private static int retries(@Nullable Integer retries, int fallback, String where, List<String> problems) {
		if (retries == null) {
			return fallback;
		}
		if (retries < 0 || retries > MAX_RETRIES) {
			problems.add(where + " must be between 0 and " + MAX_RETRIES);
			return fallback;
		}
		return retries;
	}

	static Duration duration(@Nullable String text, Duration fallback, String where, List<String> problems) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			Duration value = DurationStyle.detectAndParse(text.strip(), ChronoUnit.SECONDS);
			if (value.isNegative() || value.isZero()) {
				problems.add(where + " must be positive");
				return fallback;
			}
			return value;
		}
		catch (IllegalArgumentException ex) {
			problems.add(where + ": '" + text + "' is not a duration (e.g. 30s, 5m, 500ms)");
			return fallback;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
