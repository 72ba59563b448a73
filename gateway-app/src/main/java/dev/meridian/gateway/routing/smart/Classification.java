package dev.meridian.gateway.routing.smart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classifier's verdict on one prompt, with what led to it: each feature's value and its
 * contribution ({@code weight × signal}) to the score.
 */
public final class Classification {

	private final Tier tier;

	private final double score;

	private final double[] values;

	private final double[] contributions;

	Classification(Tier tier, double score, double[] values, double[] contributions) {
		this.tier = tier;
		this.score = score;
		this.values = values;
		this.contributions = contributions;
	}

	public Tier tier() {
		return tier;
	}

	public double score() {
		return score;
	}

	public double value(Feature feature) {
		return values[feature.ordinal()];
	}

	public double contribution(Feature feature) {
		return contributions[feature.ordinal()];
	}

	/** Every feature in declaration order, for explanations. */
	public Map<Feature, FeatureScore> features() {
		Map<Feature, FeatureScore> features = new LinkedHashMap<>();
		for (Feature feature : Feature.values()) {
			features.put(feature, new FeatureScore(value(feature), contribution(feature)));
		}
		return features;
	}

	/** One feature's measured value and what it added to the score. */
	public record FeatureScore(double value, double contribution) {
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(tier.configName()).append(String.format(" %.2f:", score));
		for (Feature feature : Feature.values()) {
			if (contribution(feature) != 0) {
				text.append(String.format(" %s=%.3g(%+.2f)", feature.configName(), value(feature), contribution(feature)));
			}
		}
		return text.toString();
	}

}
