package dev.meridian.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a model group picks among its deployments that are available: each strategy scores a
 * deployment, the lowest score wins, and deployments with equal scores share by weight. Scores read
 * only atomics of the deployment's state.
 */
public enum RoutingStrategy {

	/** At random in proportion to {@code weight}. */
	WEIGHTED {
		@Override
		double score(Deployment deployment) {
			return 0;
		}
	},

	/** The fewest requests in flight, streams counted until they end. */
	LEAST_BUSY {
		@Override
		double score(Deployment deployment) {
			return deployment.state().inFlight();
		}
	},

	/**
	 * The lowest moving average of recent latencies: time to the first event for streams, to the
	 * whole answer otherwise. A deployment without a success yet goes first, so that it gets measured.
	 */
	LOWEST_LATENCY {
		@Override
		double score(Deployment deployment) {
			double latency = deployment.state().latencyNanos();
			return Double.isNaN(latency) ? -1 : latency;
		}
	},

	/**
	 * The most headroom left under the deployment's {@code rpm} and {@code tpm}, as a share of each
	 * limit; a deployment without limits has all its headroom.
	 */
	USAGE_BASED {
		@Override
		double score(Deployment deployment) {
			DeploymentLimits limits = deployment.limits();
			double headroom = 1;
			if (limits.rpm() != null) {
				headroom = Math.min(headroom, 1 - deployment.state().requestsLastMinute() / (double) limits.rpm());
			}
			if (limits.tpm() != null) {
				headroom = Math.min(headroom, 1 - deployment.state().tokensLastMinute() / (double) limits.tpm());
			}
			return -headroom;
		}
	},

	/** The lowest price per million input plus output tokens; a deployment without a known price goes last. */
	COST_BASED {
		@Override
		double score(Deployment deployment) {
			ModelPrice price = deployment.price();
			return (price == null) ? Double.MAX_VALUE : price.inputPerMtok() + price.outputPerMtok();
		}
	};

	/** Lower is better. */
	abstract double score(Deployment deployment);

	/** The name in {@code routing.strategy}, e.g. {@code least_busy}. */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static @Nullable RoutingStrategy fromConfigName(String name) {
		for (RoutingStrategy strategy : values()) {
			if (strategy.configName().equals(name)) {
				return strategy;
			}
		}
		return null;
	}

	public static List<String> configNames() {
		return Arrays.stream(values()).map(RoutingStrategy::configName).toList();
	}

}
