package dev.meridian.gateway.routing;

import java.util.concurrent.atomic.AtomicReference;

import dev.meridian.gateway.provider.Provider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The routing table in force; requests read it without locking, a new configuration swaps it. */
@Component
public class ActiveRoutingTable implements DisposableBean {

	private final AtomicReference<RoutingTable> current = new AtomicReference<>(RoutingTable.EMPTY);

	public RoutingTable get() {
		return current.get();
	}

	/** Installs a new table and closes the pools of providers the old one had, after their calls end. */
	public void replace(RoutingTable table) {
		RoutingTable previous = current.getAndSet(table);
		previous.providers().values().forEach(Provider::close);
	}

	@Override
	public void destroy() {
		current.getAndSet(RoutingTable.EMPTY).providers().values().forEach(Provider::close);
	}

}
