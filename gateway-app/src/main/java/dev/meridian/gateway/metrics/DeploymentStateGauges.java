package dev.meridian.gateway.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.meridian.gateway.routing.DeploymentState;
import dev.meridian.gateway.routing.DeploymentStates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code meridian_deployment_state{deployment}}: 0 healthy, 1 half-open (its cooldown is over and
 * the next request is a probe), 2 cooling down. One gauge per configured deployment, removed when
 * a configuration change drops the deployment.
 */
@Component
public class DeploymentStateGauges implements DeploymentStates.Listener {

	private final MeterRegistry registry;

	private final Map<DeploymentState, Gauge> gauges = new ConcurrentHashMap<>();

	public DeploymentStateGauges(MeterRegistry registry, DeploymentStates states) {
		this.registry = registry;
		states.listen(this);
	}

	@Override
	public void added(DeploymentState state) {
		gauges.computeIfAbsent(state, key -> Gauge.builder("meridian.deployment.state", state, DeploymentState::stateValue)
			.description("Deployment health: 0 healthy, 1 half-open (next request is a probe), 2 cooling down")
			.tags("deployment", state.deploymentId())
			.strongReference(true)
			.register(registry));
	}

	@Override
	public void removed(DeploymentState state) {
		Gauge gauge = gauges.remove(state);
		if (gauge != null) {
			registry.remove(gauge);
		}
	}

}
