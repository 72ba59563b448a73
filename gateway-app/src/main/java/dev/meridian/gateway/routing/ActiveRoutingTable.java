package dev.meridian.gateway.routing;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.meridian.gateway.provider.Provider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The routing table in force; requests read it without locking, a new configuration swaps it. */
@Component
public class ActiveRoutingTable implements DisposableBean {

	private final AtomicReference<RoutingTable> current = new AtomicReference<>(RoutingTable.EMPTY);

	private final DeploymentStates states;

	public ActiveRoutingTable(DeploymentStates states) {
		this.states = states;
	}

	public RoutingTable get() {
		return current.get();
	}

	/** Where the tables this one installs keep the state of their deployments. */
	public DeploymentStates states() {
		return states;
	}

	/**
	 * Installs a new table, forgets the state of deployments it no longer has, and closes the pools
	 * of providers the old one had, after their calls end.
	 */
	public void replace(RoutingTable table) {
		RoutingTable previous = current.getAndSet(table);
		Set<String> kept = new HashSet<>();
		table.modelGroups().forEach(group -> group.deployments().forEach(deployment -> kept.add(deployment.id())));
		states.retainOnly(kept);
		for (Provider provider : previous.providers().values()) {
			// A provider the new table kept (same settings) goes on serving with its pool.
			if (table.providers().get(provider.id()) != provider) {
				provider.close();
			}
		}
	}

	@Override
	public void destroy() {
		current.getAndSet(RoutingTable.EMPTY).providers().values().forEach(Provider::close);
	}

}
