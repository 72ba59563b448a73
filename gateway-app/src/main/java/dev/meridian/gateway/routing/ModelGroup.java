package dev.meridian.gateway.routing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The deployments configured under one model name; a request goes to one of them, by weight. */
public final class ModelGroup {

	private final String name;

	private final List<Deployment> deployments;

	private final int[] cumulativeWeights;

	public ModelGroup(String name, List<Deployment> deployments) {
		if (deployments.isEmpty()) {
			throw new IllegalArgumentException("model group " + name + " has no deployment");
		}
		this.name = name;
		this.deployments = List.copyOf(deployments);
		this.cumulativeWeights = new int[deployments.size()];
		int sum = 0;
		for (int i = 0; i < deployments.size(); i++) {
			sum += deployments.get(i).weight();
			cumulativeWeights[i] = sum;
		}
	}

	public String name() {
		return name;
	}

	public List<Deployment> deployments() {
		return deployments;
	}

	/** A deployment chosen at random with probability proportional to its weight. */
	public Deployment choose() {
		if (cumulativeWeights.length == 1) {
			return deployments.getFirst();
		}
		int ticket = ThreadLocalRandom.current().nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
		for (int i = 0; i < cumulativeWeights.length; i++) {
			if (ticket < cumulativeWeights[i]) {
				return deployments.get(i);
			}
		}
		return deployments.getLast();
	}

}
