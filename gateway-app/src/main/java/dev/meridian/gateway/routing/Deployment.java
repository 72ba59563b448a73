package dev.meridian.gateway.routing;

import dev.meridian.gateway.provider.Provider;
import org.jspecify.annotations.Nullable;

/**
 * One way to serve a model name: an upstream model at a provider.
 *
 * @param modelName the name clients ask for
 * @param upstreamModel the provider's own id for the model
 * @param price null when neither the configuration nor the catalog knows the price
 */
public record Deployment(String modelName, Provider provider, String upstreamModel, int weight,
		@Nullable ModelPrice price) {

	/** How the deployment is named in logs and metrics: {@code provider/upstream-model}. */
	public String id() {
		return provider.id() + "/" + upstreamModel;
	}

}
