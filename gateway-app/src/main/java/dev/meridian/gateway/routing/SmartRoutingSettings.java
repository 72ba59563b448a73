package dev.meridian.gateway.routing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.meridian.gateway.config.SmartSettings;
import dev.meridian.gateway.routing.smart.CueKind;
import dev.meridian.gateway.routing.smart.Feature;
import dev.meridian.gateway.routing.smart.PromptClassifier;
import dev.meridian.gateway.routing.smart.SmartRouter;
import dev.meridian.gateway.routing.smart.Tier;
import dev.meridian.gateway.routing.smart.TierBoundaries;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code routing.smart} section against the configured model names and turns it into a
 * {@link SmartRouter}, adding every problem to the list with where it is.
 */
final class SmartRoutingSettings {

	private static final String WHERE = "routing.smart";

	private SmartRoutingSettings() {
	}

	/** @return null when smart routing is not configured, or when a problem was found */
	static @Nullable SmartRouter router(@Nullable SmartSettings settings, Set<String> modelNames,
			List<String> problems) {
		if (settings == null) {
			return null;
		}
		int problemsBefore = problems.size();
		String model = (settings.model() == null) ? SmartRouter.DEFAULT_MODEL : settings.model().strip();
		if (model.isEmpty()) {
			problems.add(WHERE + ".model must not be empty");
		}
		else if (modelNames.contains(model)) {
			problems.add(WHERE + ".model: '" + model + "' is also the name of a configured model; smart routing needs"
					+ " a name of its own");
		}
		Map<Tier, String> tiers = tiers(settings.tiers(), modelNames, problems);
		String baseline = settings.baseline();
		if (baseline != null && !modelNames.contains(baseline)) {
			problems.add(WHERE + ".baseline: unknown model '" + baseline + "' (configured: " + modelNames + ")");
		}
		Map<Feature, Double> weights = weights(settings.weights(), problems);
		Map<CueKind, List<String>> cues = cues(settings.cues(), problems);
		TierBoundaries boundaries = boundaries(settings.boundaries(), problems);
		if (problems.size() > problemsBefore || boundaries == null) {
			return null;
		}
		try {
			return new SmartRouter(model, tiers, baseline, new PromptClassifier(weights, cues, boundaries));
		}
		catch (IllegalArgumentException ex) {
			problems.add(WHERE + ".cues: " + ex.getMessage());
			return null;
		}
	}

	private static Map<Tier, String> tiers(@Nullable Map<String, String> settings, Set<String> modelNames,
			List<String> problems) {
		Map<Tier, String> tiers = new EnumMap<>(Tier.class);
		if (settings == null || settings.isEmpty()) {
			problems.add(WHERE + ".tiers is required: name a model for at least one of " + Tier.configNames());
			return tiers;
		}
		settings.forEach((name, model) -> {
			Tier tier = Tier.fromName(name);
			if (tier == null || !tier.configName().equals(name)) {
				problems.add(WHERE + ".tiers." + name + ": unknown tier (one of " + Tier.configNames() + ")");
			}
			else if (model == null || !modelNames.contains(model)) {
				problems.add(WHERE + ".tiers." + name + ": unknown model '" + model + "' (configured: " + modelNames
						+ ")");
			}
			else {
				tiers.put(tier, model);
			}
		});
		return tiers;
	}

	private static Map<Feature, Double> weights(@Nullable Map<String, Double> settings, List<String> problems) {
		Map<Feature, Double> weights = new EnumMap<>(Feature.class);
		if (settings == null) {
			return weights;
		}
		settings.forEach((name, weight) -> {
			Feature feature = Feature.fromName(name);
			if (feature == null) {
				problems.add(WHERE + ".weights." + name + ": unknown feature (one of " + Feature.configNames() + ")");
			}
			else if (weight == null || !Double.isFinite(weight)) {
				problems.add(WHERE + ".weights." + name + " must be a number");
			}
			else {
				weights.put(feature, weight);
			}
		});
		return weights;
	}

	private static Map<CueKind, List<String>> cues(@Nullable Map<String, List<String>> settings,
			List<String> problems) {
		Map<CueKind, List<String>> cues = new EnumMap<>(CueKind.class);
		if (settings == null) {
			return cues;
		}
		List<String> kinds = java.util.Arrays.stream(CueKind.values()).map(CueKind::configName).toList();
		settings.forEach((name, list) -> {
			CueKind kind = CueKind.fromName(name);
			if (kind == null) {
				problems.add(WHERE + ".cues." + name + ": unknown kind of cue (one of " + kinds + ")");
				return;
			}
			List<String> words = new ArrayList<>();
			List<String> given = (list == null) ? List.of() : list;
			for (int i = 0; i < given.size(); i++) {
				String cue = given.get(i);
				if (cue == null || cue.isBlank() || cue.strip().equals("*")) {
					problems.add(WHERE + ".cues." + name + "[" + i + "] must be a word or phrase");
				}
				else {
					words.add(cue);
				}
			}
			cues.put(kind, words);
		});
		return cues;
	}

	private static @Nullable TierBoundaries boundaries(@Nullable Map<String, Double> settings,
			List<String> problems) {
		if (settings == null) {
			return TierBoundaries.DEFAULT;
		}
		double[] values = { TierBoundaries.DEFAULT.medium(), TierBoundaries.DEFAULT.complex(),
				TierBoundaries.DEFAULT.reasoning() };
		List<String> names = List.of("medium", "complex", "reasoning");
		boolean valid = true;
		for (Map.Entry<String, Double> entry : settings.entrySet()) {
			int index = names.indexOf(entry.getKey());
			if (index < 0) {
				problems.add(WHERE + ".boundaries." + entry.getKey() + ": unknown boundary (one of " + names
						+ "; simple is everything below medium)");
				valid = false;
			}
			else if (entry.getValue() == null || !Double.isFinite(entry.getValue())) {
				problems.add(WHERE + ".boundaries." + entry.getKey() + " must be a number");
				valid = false;
			}
			else {
				values[index] = entry.getValue();
			}
		}
		if (!valid) {
			return null;
		}
		if (!(values[0] < values[1] && values[1] < values[2])) {
			problems.add(WHERE + ".boundaries must increase: medium (" + values[0] + ") < complex (" + values[1]
					+ ") < reasoning (" + values[2] + ")");
			return null;
		}
		return new TierBoundaries(values[0], values[1], values[2]);
	}

}
