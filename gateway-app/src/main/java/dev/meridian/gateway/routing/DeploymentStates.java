package dev.meridian.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@link DeploymentState} of every configured deployment, by deployment id. A new routing table
 * takes the state of each deployment it keeps, so a configuration change forgets neither cooldowns
 * nor latencies; deployments it drops are forgotten.
 */
@Component
public class DeploymentStates {

	/** Told when a deployment is first seen and when it is dropped. */
	public interface Listener {

		void added(DeploymentState state);

		void removed(DeploymentState state);

	}

	private final Map<String, DeploymentState> states = new ConcurrentHashMap<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private final LongSupplier clock;

	@Autowired
	public DeploymentStates() {
		this(System::nanoTime);
	}

	/** @param clock a {@link System#nanoTime()}-like clock, which tests may move by hand */
	public DeploymentStates(LongSupplier clock) {
		this.clock = clock;
	}

	/** The state of the deployment, created on first use. */
	public DeploymentState of(String deploymentId) {
		DeploymentState state = states.get(deploymentId);
		if (state != null) {
			return state;
		}
		DeploymentState created = new DeploymentState(deploymentId, clock);
		state = states.putIfAbsent(deploymentId, created);
		if (state != null) {
			return state;
		}
		listeners.forEach(listener -> listener.added(created));
		return created;
	}

	/** Forgets every deployment but these. */
	void retainOnly(Set<String> deploymentIds) {
		for (DeploymentState state : List.copyOf(states.values())) {
			if (!deploymentIds.contains(state.deploymentId()) && states.remove(state.deploymentId(), state)) {
				listeners.forEach(listener -> listener.removed(state));
			}
		}
	}

	/** Registers the listener and tells it about the deployments already known. */
	public void listen(Listener listener) {
		listeners.add(listener);
		states.values().forEach(listener::added);
	}

}
