package dev.meridian.gateway.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The deployments configured under one model name, how a request picks one of them, and where it
 * goes when they all fail. A pick prefers, in this order: a deployment this request has not tried
 * yet over one it has; one that is healthy (or half-open with its probe free) over one cooling
 * down; and within that, the best by the group's {@link RoutingStrategy}. Deployments at their rpm
 * or tpm limit, and those whose context window is too small for the prompt, are never picked.
 */
public final class ModelGroup {

	private static final double SAME_SCORE = 1e-9;

	private final String name;

	private final List<Deployment> deployments;

	private final GroupPolicy policy;

	private final Map<FallbackReason, List<String>> fallbacks;

	private final int smallestContextWindow;

	/** @param fallbacks the model names to try next, for each reason; missing reasons have none */
	public ModelGroup(String name, List<Deployment> deployments, GroupPolicy policy,
			Map<FallbackReason, List<String>> fallbacks) {
		if (deployments.isEmpty()) {
			throw new IllegalArgumentException("model group " + name + " has no deployment");
		}
		this.name = name;
		this.deployments = List.copyOf(deployments);
		this.policy = policy;
		this.fallbacks = new EnumMap<>(FallbackReason.class);
		fallbacks.forEach((reason, chain) -> this.fallbacks.put(reason, List.copyOf(chain)));
		this.smallestContextWindow = deployments.stream()
			.map(deployment -> deployment.limits().contextWindow())
			.filter(window -> window != null)
			.mapToInt(Integer::intValue)
			.min()
			.orElse(Integer.MAX_VALUE);
	}

	public String name() {
		return name;
	}

	public List<Deployment> deployments() {
		return deployments;
	}

	public GroupPolicy policy() {
		return policy;
	}

	/** The model names a request goes on to when this group fails for the reason, in order. */
	public List<String> fallbacks(FallbackReason reason) {
		return fallbacks.getOrDefault(reason, List.of());
	}

	/** The smallest context window known among the deployments; {@link Integer#MAX_VALUE} when none is known. */
	public int smallestContextWindow() {
		return smallestContextWindow;
	}

	/** Whether some deployment may take a prompt of about this many tokens. */
	public boolean fits(long promptTokens) {
		for (Deployment deployment : deployments) {
			if (deployment.fits(promptTokens)) {
				return true;
			}
		}
		return false;
	}

	/** A deployment for a request that has tried none yet and whose prompt size does not matter. */
	public Deployment choose() {
		Deployment chosen = choose(List.of(), 0);
		return (chosen == null) ? deployments.getFirst() : chosen;
	}

	/**
	 * @param tried the deployments this request already tried, in this group
	 * @param promptTokens the prompt's estimated size; 0 when it fits every deployment
	 * @return null when every deployment that can take the prompt is at its rpm or tpm limit
	 */
	public @Nullable Deployment choose(List<Deployment> tried, long promptTokens) {
		if (deployments.size() == 1) {
			Deployment only = deployments.getFirst();
			if (!only.fits(promptTokens) || only.atRateLimit()) {
				return null;
			}
			only.state().health().picked(policy.cooldown());
			return only;
		}
		// Scores of the deployments that may be picked at all; NaN for the others.
		double[] scores = new double[deployments.size()];
		boolean[] admitted = new boolean[deployments.size()];
		boolean any = false;
		for (int i = 0; i < scores.length; i++) {
			Deployment deployment = deployments.get(i);
			if (!deployment.fits(promptTokens) || deployment.atRateLimit()) {
				scores[i] = Double.NaN;
				continue;
			}
			any = true;
			admitted[i] = deployment.state().health().admits(policy.cooldown());
			scores[i] = policy.strategy().score(deployment);
		}
		if (!any) {
			return null;
		}
		Deployment chosen = best(scores, admitted, tried, false);
		if (chosen == null) {
			chosen = best(scores, admitted, tried, true);
		}
		if (chosen == null) {
			chosen = endingCooldownFirst(scores);
		}
		chosen.state().health().picked(policy.cooldown());
		return chosen;
	}

	/** The best admitted deployment, among those not tried yet or (with {@code triedToo}) among all. */
	private @Nullable Deployment best(double[] scores, boolean[] admitted, List<Deployment> tried, boolean triedToo) {
		double best = Double.POSITIVE_INFINITY;
		int weights = 0;
		for (int i = 0; i < scores.length; i++) {
			if (!eligible(i, scores, admitted, tried, triedToo)) {
				continue;
			}
			if (scores[i] < best - SAME_SCORE) {
				best = scores[i];
				weights = deployments.get(i).weight();
			}
			else if (scores[i] <= best + SAME_SCORE) {
				weights += deployments.get(i).weight();
			}
		}
		if (weights == 0) {
			return null;
		}
		int ticket = ThreadLocalRandom.current().nextInt(weights);
		Deployment last = null;
		for (int i = 0; i < scores.length; i++) {
			if (eligible(i, scores, admitted, tried, triedToo) && scores[i] <= best + SAME_SCORE) {
				last = deployments.get(i);
				ticket -= last.weight();
				if (ticket < 0) {
					return last;
				}
			}
		}
		return last;
	}

	private boolean eligible(int index, double[] scores, boolean[] admitted, List<Deployment> tried, boolean triedToo) {
		return admitted[index] && !Double.isNaN(scores[index]) && (triedToo || !contains(tried, deployments.get(index)));
	}

	/** When every candidate is cooling down, the one that will be back first rather than none. */
	private Deployment endingCooldownFirst(double[] scores) {
		Deployment first = null;
		long soonest = Long.MAX_VALUE;
		for (int i = 0; i < scores.length; i++) {
			if (Double.isNaN(scores[i])) {
				continue;
			}
			long left = deployments.get(i).state().health().coolingNanosLeft();
			if (first == null || left < soonest) {
				first = deployments.get(i);
				soonest = left;
			}
		}
		return first;
	}

	private static boolean contains(List<Deployment> tried, Deployment deployment) {
		for (Deployment each : tried) {
			if (each == deployment) {
				return true;
			}
		}
		return false;
	}

}
