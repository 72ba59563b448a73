package dev.meridian.gateway.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The smart-routing metrics: {@code meridian_smart_route_decisions_total{tier,model}} counts the
 * requests each tier sent to each model; {@code meridian_smart_route_savings_usd_total} adds up, per
 * request, the baseline's cost for the same usage minus the actual cost. A Prometheus counter never
 * goes down, so a request that cost more than the baseline would have (a reasoning model pricier
 * than the baseline, say) is added to {@code meridian_smart_route_overspend_usd_total} instead: the
 * net saving is the first minus the second.
 */
final class SmartRouteMeters {

	private final MeterRegistry registry;

	private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

	private final Counter savings;

	private final Counter overspend;

	SmartRouteMeters(MeterRegistry registry) {
		this.registry = registry;
		this.savings = Counter.builder("meridian.smart.route.savings.usd")
			.description("Smart routing: baseline cost minus actual cost, summed over requests that cost less than the"
					+ " baseline would have")
			.register(registry);
		this.overspend = Counter.builder("meridian.smart.route.overspend.usd")
			.description("Smart routing: actual cost minus baseline cost, summed over requests that cost more than the"
					+ " baseline would have")
			.register(registry);
	}

	void record(RequestOutcome outcome) {
		if (outcome.routeTier() == null) {
			return;
		}
		decisions.computeIfAbsent(outcome.routeTier() + '\n' + outcome.model(), key -> Counter
			.builder("meridian.smart.route.decisions")
			.description("Smart-routed requests by tier and the model group that tier sent them to")
			.tags("tier", outcome.routeTier(), "model", outcome.model())
			.register(registry))
			.increment();
		if (outcome.baselineCostUsd() != null && outcome.costUsd() != null) {
			double saved = outcome.baselineCostUsd() - outcome.costUsd();
			if (saved >= 0) {
				savings.increment(saved);
			}
			else {
				overspend.increment(-saved);
			}
		}
	}

}
