package dev.meridian.gateway.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices and limits of provider models, keyed by provider type and model id. Immutable, so that the
 * request path reads it without locks; a changed catalog is a new instance.
 * <p>
 * A lookup tries the requested id as given first, then its variants (a dated snapshot as its alias,
 * without Gemini's {@code models/} prefix or Bedrock's cross-region prefixes), and last the listed
 * snapshot that an undated alias stands for.
 */
public final class ModelCatalog {

	/**
	 * Provider types priced from other sections when their own does not list the model. Azure OpenAI bills
	 * OpenAI's prices; the other OpenAI-compatible types get none of OpenAI's prices, because a
	 * self-hosted or resold model costs whatever its host charges, so they are priced only where their own
	 * section lists the model.
	 */
	private static final Map<String, List<String>> FALLBACK_SECTIONS = Map.of("azure_openai", List.of("openai"));

	private final Map<String, Map<String, CatalogEntry>> entries;

	private final Map<String, Map<String, CatalogEntry>> bySnapshotFamily;

	/** @param entries by provider type, then by model id; ids are matched case-insensitively */
	public ModelCatalog(Map<String, Map<String, CatalogEntry>> entries) {
		Map<String, Map<String, CatalogEntry>> sections = new LinkedHashMap<>();
		Map<String, Map<String, CatalogEntry>> families = new HashMap<>();
		entries.forEach((providerType, models) -> {
			Map<String, CatalogEntry> section = lowerCaseIds(providerType, models);
			String type = ModelIdVariants.normalize(providerType);
			if (sections.put(type, Collections.unmodifiableMap(section)) != null) {
				throw new IllegalArgumentException("provider type " + providerType + " is listed twice");
			}
			families.put(type, unambiguousFamilies(section));
		});
		this.entries = Collections.unmodifiableMap(sections);
		this.bySnapshotFamily = Map.copyOf(families);
	}

	/** The entry for a model served by a provider of the given type, if the catalog knows the model. */
	public Optional<CatalogEntry> find(String providerType, String modelId) {
		List<String> sections = sectionsFor(ModelIdVariants.normalize(providerType));
		for (String variant : ModelIdVariants.of(modelId)) {
			for (String section : sections) {
				CatalogEntry entry = entries.getOrDefault(section, Map.of()).get(variant);
				if (entry != null) {
					return Optional.of(entry);
				}
			}
		}
		String family = ModelIdVariants.family(modelId);
		for (String section : sections) {
			CatalogEntry entry = bySnapshotFamily.getOrDefault(section, Map.of()).get(family);
			if (entry != null) {
				return Optional.of(entry);
			}
		}
		return Optional.empty();
	}

	/** Every entry, by provider type and then by model id, both in lower case, in the order listed. */
	public Map<String, Map<String, CatalogEntry>> entries() {
		return entries;
	}

	private static List<String> sectionsFor(String providerType) {
		List<String> sections = new ArrayList<>();
		sections.add(providerType);
		sections.addAll(FALLBACK_SECTIONS.getOrDefault(providerType, List.of()));
		return sections;
	}

	private static Map<String, CatalogEntry> lowerCaseIds(String providerType, Map<String, CatalogEntry> models) {
		Map<String, CatalogEntry> section = new LinkedHashMap<>();
		models.forEach((modelId, entry) -> {
			if (section.put(ModelIdVariants.normalize(modelId), entry) != null) {
				throw new IllegalArgumentException(providerType + " lists " + modelId + " twice");
			}
		});
		return section;
	}

	/**
	 * Snapshots by the family they share with their aliases, so that an alias finds a listed snapshot;
	 * a family whose snapshots differ in price is left out rather than guessed. A cross-region profile
	 * listed on its own is priced for that profile only.
	 */
	private static Map<String, CatalogEntry> unambiguousFamilies(Map<String, CatalogEntry> section) {
		Map<String, CatalogEntry> families = new HashMap<>();
		Set<String> ambiguous = new HashSet<>();
		section.forEach((modelId, entry) -> {
			if (ModelIdVariants.isCrossRegionProfile(modelId)) {
				return;
			}
			String family = ModelIdVariants.family(modelId);
			CatalogEntry previous = families.putIfAbsent(family, entry);
			if (previous != null && !previous.equals(entry)) {
				ambiguous.add(family);
			}
		});
		families.keySet().removeAll(ambiguous);
		return Map.copyOf(families);
	}

}
