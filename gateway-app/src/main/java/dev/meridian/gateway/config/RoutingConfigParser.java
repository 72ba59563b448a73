package dev.meridian.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the YAML document into a {@link RoutingConfig}: environment placeholders are resolved in
 * string values (after parsing, so a secret can never change the document's structure), and
 * unknown keys are rejected so that a typo does not silently do nothing.
 */
public final class RoutingConfigParser {

	private static final Logger log = LoggerFactory.getLogger(RoutingConfigParser.class);

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** How a placeholder names a stored provider credential: {@code ${credential:NAME}}. */
	static final String CREDENTIAL = "credential:";

	private final UnaryOperator<@Nullable String> environment;

	/** @param environment resolves placeholder names, {@code credential:NAME} ones included */
	public RoutingConfigParser(UnaryOperator<@Nullable String> environment) {
		this.environment = environment;
	}

	public static RoutingConfigParser fromSystemEnvironment() {
		return new RoutingConfigParser(System::getenv);
	}

	/** Environment variables, and stored credentials for {@code ${credential:NAME}}. */
	public static RoutingConfigParser withCredentials(Map<String, String> credentials) {
		return new RoutingConfigParser(name -> name.startsWith(CREDENTIAL)
				? credentials.get(name.substring(CREDENTIAL.length())) : System.getenv(name));
	}

	/**
	 * @param source where the document came from, named in error messages
	 * @throws InvalidRoutingConfigException when the YAML is malformed or does not fit the format
	 */
	public RoutingConfig parse(String yaml, String source) {
		if (yaml.isBlank()) {
			return RoutingConfig.EMPTY;
		}
		EnvironmentPlaceholders placeholders = new EnvironmentPlaceholders(environment);
		JsonNode tree;
		try {
			tree = YAML.readTree(placeholders.protect(yaml));
		}
		catch (JacksonException ex) {
			throw new InvalidRoutingConfigException(source, List.of(ex.getOriginalMessage() + locationOf(ex)));
		}
		if (tree == null || tree.isNull() || tree.isMissingNode()) {
			return RoutingConfig.EMPTY;
		}
		if (!tree.isObject()) {
			throw new InvalidRoutingConfigException(source, List.of("the document must be a mapping"));
		}
		List<String> warnings = new ArrayList<>();
		resolvePlaceholders(placeholders, tree, "", warnings);
		warnings.forEach(warning -> log.warn("{}: {}", source, warning));
		try {
			return YAML.treeToValue(tree, RoutingConfig.class);
		}
		catch (JacksonException ex) {
			throw new InvalidRoutingConfigException(source, List.of(pathOf(ex) + ex.getOriginalMessage()));
		}
	}

	private static void resolvePlaceholders(EnvironmentPlaceholders placeholders, JsonNode node, String path,
			List<String> warnings) {
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				String where = path.isEmpty() ? name : path + "." + name;
				JsonNode value = object.get(name);
				if (value.isString()) {
					object.set(name, StringNode.valueOf(placeholders.resolve(value.asString(), where, warnings)));
				}
				else {
					resolvePlaceholders(placeholders, value, where, warnings);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				resolvePlaceholders(placeholders, node.get(i), path + "[" + i + "]", warnings);
			}
		}
	}

	/** The location as the user writes it, e.g. {@code models[0].weight: }. */
	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "" : path + ": ";
	}

	private static String locationOf(JacksonException ex) {
		var location = ex.getLocation();
		return (location == null) ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
