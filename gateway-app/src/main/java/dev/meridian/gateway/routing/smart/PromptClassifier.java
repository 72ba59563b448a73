package dev.meridian.gateway.routing.smart;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a request's prompt from its {@link Feature}s with configured weights and places the score
 * among the {@link TierBoundaries}. Built once per routing configuration (the cue trie is compiled
 * here), then shared by all requests: it keeps no state between calls, only a scanner per thread
 * that each call starts afresh.
 */
public final class PromptClassifier {

	public static final PromptClassifier DEFAULT = new PromptClassifier(Map.of(), Map.of(), TierBoundaries.DEFAULT);

	private final double[] weights = new double[Feature.ALL.size()];

	private final CueMatcher matcher;

	private final TierBoundaries boundaries;

	/** A scanner and its counters per thread, rather than per request: classification allocates less. */
	private final ThreadLocal<PromptScanner> scanners;

	/**
	 * @param weights replaces the default weight of the features it names
	 * @param cues replaces the default cue list of the kinds it names
	 */
	public PromptClassifier(Map<Feature, Double> weights, Map<CueKind, List<String>> cues, TierBoundaries boundaries) {
		for (Feature feature : Feature.values()) {
			this.weights[feature.ordinal()] = weights.getOrDefault(feature, feature.defaultWeight());
		}
		Map<CueKind, List<String>> lists = new EnumMap<>(CueKind.class);
		for (CueKind kind : CueKind.values()) {
			lists.put(kind, cues.getOrDefault(kind, kind.defaults()));
		}
		this.matcher = new CueMatcher(lists);
		this.boundaries = boundaries;
		this.scanners = ThreadLocal.withInitial(() -> new PromptScanner(matcher));
	}

	/** @throws InvalidPromptException when the body is not JSON or carries no prompt */
	public Classification classify(byte[] body) {
		return classify(body, 0, body.length);
	}

	public Classification classify(byte[] body, int offset, int length) {
		double[] values = scanners.get().scan(body, offset, length);
		double[] contributions = new double[values.length];
		double score = 0;
		for (Feature feature : Feature.ALL) {
			int i = feature.ordinal();
			double signal = feature.signal(values[i]);
			// A feature that is absent adds nothing, also under a negative weight (no -0.0 in explanations).
			contributions[i] = (signal == 0) ? 0 : weights[i] * signal;
			score += contributions[i];
		}
		return new Classification(boundaries.tierOf(score), score, values, contributions);
	}

	public double weight(Feature feature) {
		return weights[feature.ordinal()];
	}

	public TierBoundaries boundaries() {
		return boundaries;
	}

}
