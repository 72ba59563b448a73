package dev.meridian.gateway.routing;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.meridian.gateway.provider.Provider;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of what the configuration says, read on every request without locks;
 * a configuration change builds a new table and swaps it in.
 *
 * @param version the stored configuration version it was built from (0 when none is stored)
 * @param smart smart routing; null when {@code routing.smart} is not configured
 */
public record RoutingTable(int version, Map<String, ModelGroup> groups, Map<String, Provider> providers,
		Timeouts timeouts, @Nullable SmartRouting smart) {

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

	public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(300);

	public static final RoutingTable EMPTY = new RoutingTable(0, Map.of(), Map.of(),
			new Timeouts(DEFAULT_TIMEOUT, DEFAULT_FIRST_BYTE_TIMEOUT), null);

	public RoutingTable {
		groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
		providers = Map.copyOf(providers);
	}

	public RoutingTable withVersion(int storedVersion) {
		return new RoutingTable(storedVersion, groups, providers, timeouts, smart);
	}

	public @Nullable ModelGroup group(String modelName) {
		return groups.get(modelName);
	}

	/** The model groups in configuration order. */
	public Collection<ModelGroup> modelGroups() {
		return groups.values();
	}

	public List<String> modelNames() {
		return List.copyOf(groups.keySet());
	}

	/**
	 * @param total longest a whole upstream call may take, stream included
	 * @param firstByte longest the provider may stay silent: before its first byte, and between reads
	 */
	public record Timeouts(Duration total, Duration firstByte) {
	}

}
