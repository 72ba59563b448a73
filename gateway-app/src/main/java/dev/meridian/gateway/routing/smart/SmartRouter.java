package dev.meridian.gateway.routing.smart;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The smart-routing part of a routing configuration: which model name clients send to be
 * smart-routed, which model group serves each tier, the baseline savings are measured against,
 * and the classifier. Immutable; swapped with the routing table.
 */
public final class SmartRouter {

	public static final String DEFAULT_MODEL = "auto";

	private final String model;

	private final String[] tierModels = new String[Tier.values().length];

	private final @Nullable String baseline;

	private final PromptClassifier classifier;

	/**
	 * @param tierModels the model group of each configured tier; a tier left out is served by the
	 * next more capable configured tier, or failing that the next less capable one
	 * @throws IllegalArgumentException when no tier is configured
	 */
	public SmartRouter(String model, Map<Tier, String> tierModels, @Nullable String baseline,
			PromptClassifier classifier) {
		if (tierModels.isEmpty()) {
			throw new IllegalArgumentException("at least one tier needs a model");
		}
		this.model = model;
		this.baseline = baseline;
		this.classifier = classifier;
		Tier[] tiers = Tier.values();
		for (Tier tier : tiers) {
			String chosen = null;
			for (int up = tier.ordinal(); up < tiers.length && chosen == null; up++) {
				chosen = tierModels.get(tiers[up]);
			}
			for (int down = tier.ordinal() - 1; down >= 0 && chosen == null; down--) {
				chosen = tierModels.get(tiers[down]);
			}
			this.tierModels[tier.ordinal()] = chosen;
		}
	}

	/** The model name that asks for smart routing. */
	public String model() {
		return model;
	}

	public @Nullable String baseline() {
		return baseline;
	}

	public PromptClassifier classifier() {
		return classifier;
	}

	/** The model group that serves the tier. */
	public String modelFor(Tier tier) {
		return tierModels[tier.ordinal()];
	}

	/** Every tier and its model group, the inherited ones included. */
	public Map<Tier, String> tierModels() {
		Map<Tier, String> models = new EnumMap<>(Tier.class);
		for (Tier tier : Tier.values()) {
			models.put(tier, modelFor(tier));
		}
		return models;
	}

	/**
	 * Decides the tier: the request's own choice, else the key's default, else the classifier; then
	 * the key's minimum as a floor. The body is read only when the classifier decides.
	 *
	 * @param requested the tier the request asked for, null when it asked for none
	 * @throws InvalidPromptException when the classifier cannot read the body
	 */
	public RouteDecision route(byte[] body, @Nullable Tier requested, TierPolicy policy) {
		Tier tier;
		RouteDecision.Reason reason;
		Classification classification = null;
		if (requested != null) {
			tier = requested;
			reason = RouteDecision.Reason.REQUESTED;
		}
		else if (policy.defaultTier() != null) {
			tier = policy.defaultTier();
			reason = RouteDecision.Reason.KEY_DEFAULT;
		}
		else {
			classification = classifier.classify(body);
			tier = classification.tier();
			reason = RouteDecision.Reason.CLASSIFIED;
		}
		Tier floored = tier.atLeast(policy.minimum());
		if (floored != tier) {
			tier = floored;
			reason = RouteDecision.Reason.KEY_MINIMUM;
		}
		return new RouteDecision(tier, modelFor(tier), reason, classification);
	}

}
