package dev.meridian.gateway.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The routing configuration document, as written in {@code config.yaml} (snake_case keys).
 * Sections that later features read (such as {@code cache}) are kept as raw trees.
 */
public record RoutingConfig(Map<String, ProviderSettings> providers, List<ModelSettings> models,
		RoutingSettings routing, @Nullable JsonNode cache) {

	public RoutingConfig {
		providers = (providers == null) ? Map.of() : new LinkedHashMap<>(providers);
		models = (models == null) ? List.of() : List.copyOf(models);
		routing = (routing == null) ? RoutingSettings.DEFAULTS : routing;
	}

	public static final RoutingConfig EMPTY = new RoutingConfig(null, null, null, null);

}
