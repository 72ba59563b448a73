package dev.meridian.gateway.routing;

import dev.meridian.gateway.routing.smart.SmartRouter;
import org.jspecify.annotations.Nullable;

/**
 * Smart routing as the routing table holds it: the router, and the price of the baseline model
 * that savings are measured against.
 *
 * @param baselinePrice the baseline group's price, weighted over its deployments as traffic is;
 * null without a baseline or when none of its deployments has a known price
 */
public record SmartRouting(SmartRouter router, @Nullable ModelPrice baselinePrice) {

	/** The price a request to the group costs on average: deployments weighted by their share of traffic. */
	static @Nullable ModelPrice averagePrice(@Nullable ModelGroup group) {
		if (group == null) {
			return null;
		}
		double weights = 0;
		double input = 0;
		double output = 0;
		double cached = 0;
		for (Deployment deployment : group.deployments()) {
			ModelPrice price = deployment.price();
			if (price != null) {
				weights += deployment.weight();
				input += deployment.weight() * price.inputPerMtok();
				output += deployment.weight() * price.outputPerMtok();
				cached += deployment.weight() * price.cachedInputPerMtok();
			}
		}
		return (weights == 0) ? null : new ModelPrice(input / weights, output / weights, cached / weights);
	}

}
