package dev.meridian.gateway.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one catalog document: provider type, then model id, then the model's prices and limits. The
 * document is checked whole and every problem reported at once, each naming its model, because an
 * operator fixing a file should not have to run the gateway once per typo.
 */
final class CatalogFileParser {

	/** Duplicate keys are rejected: a model listed twice in one file would silently lose one of its prices. */
	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/** Provider types are written as in the routing configuration, e.g. {@code azure_openai}. */
	private static final Pattern PROVIDER_TYPE = Pattern.compile("[a-z][a-z0-9_]*");

	private static final List<String> FIELDS = List.of("input", "output", "cached_input", "cache_write",
			"context_window", "max_output");

	private CatalogFileParser() {
	}

	/**
	 * @param source the file the document came from, named in error messages
	 * @return entries by provider type, then by model id in lower case
	 * @throws InvalidModelCatalogException when the YAML is malformed or an entry does not fit the format
	 */
	static Map<String, Map<String, CatalogEntry>> parse(String yaml, String source) {
		JsonNode document;
		try {
			document = YAML.readTree(yaml);
		}
		catch (JacksonException ex) {
			throw new InvalidModelCatalogException(source, List.of(ex.getOriginalMessage() + locationOf(ex)));
		}
		if (document == null || document.isMissingNode() || document.isNull()) {
			return Map.of();
		}
		if (!document.isObject()) {
			throw new InvalidModelCatalogException(source,
					List.of("the document must map provider types to their models"));
		}
		List<String> problems = new ArrayList<>();
		Map<String, Map<String, CatalogEntry>> catalog = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> section : document.properties()) {
			String providerType = section.getKey();
			if (!PROVIDER_TYPE.matcher(providerType).matches()) {
				problems.add("provider type \"" + providerType
						+ "\" must be written as in the routing configuration: lower case and underscores, like azure_openai");
			}
			else if (!section.getValue().isObject()) {
				problems.add(providerType + ": must map model ids to their prices and limits");
			}
			else {
				catalog.put(providerType, models(providerType, section.getValue(), problems));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidModelCatalogException(source, problems);
		}
		return catalog;
	}

	private static Map<String, CatalogEntry> models(String providerType, JsonNode section, List<String> problems) {
		Map<String, CatalogEntry> models = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> model : section.properties()) {
			String where = providerType + ", model \"" + model.getKey() + "\"";
			String modelId = ModelIdVariants.normalize(model.getKey());
			if (modelId.isEmpty()) {
				problems.add(providerType + ": a model id is empty");
			}
			else if (models.containsKey(modelId)) {
				problems.add(where + ": listed twice (model ids are compared without case)");
			}
			else {
				CatalogEntry entry = entry(model.getValue(), where, problems);
				if (entry != null) {
					models.put(modelId, entry);
				}
			}
		}
		return models;
	}

	private static @Nullable CatalogEntry entry(JsonNode fields, String where, List<String> problems) {
		if (!fields.isObject() || fields.isEmpty()) {
			problems.add(where + ": must give at least one of " + String.join(", ", FIELDS));
			return null;
		}
		int problemsBefore = problems.size();
		for (String field : fields.propertyNames()) {
			if (!FIELDS.contains(field)) {
				problems.add(where + ": unknown field \"" + field + "\" (known: " + String.join(", ", FIELDS) + ")");
			}
		}
		ModelPricing pricing = new ModelPricing(price(fields, "input", where, problems),
				price(fields, "output", where, problems), price(fields, "cached_input", where, problems),
				price(fields, "cache_write", where, problems));
		ModelLimits limits = new ModelLimits(limit(fields, "context_window", where, problems),
				limit(fields, "max_output", where, problems));
		return (problems.size() == problemsBefore) ? new CatalogEntry(pricing, limits) : null;
	}

	private static @Nullable Double price(JsonNode fields, String field, String where, List<String> problems) {
		JsonNode value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
			problems.add(where + ": " + field + " must be a price of zero or more USD per million tokens, not "
					+ value);
			return null;
		}
		return value.doubleValue();
	}

	private static @Nullable Integer limit(JsonNode fields, String field, String where, List<String> problems) {
		JsonNode value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
			problems.add(where + ": " + field + " must be a whole number of tokens above zero, not " + value);
			return null;
		}
		return value.intValue();
	}

	private static String locationOf(JacksonException ex) {
		var location = ex.getLocation();
		return (location == null) ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
