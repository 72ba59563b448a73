package dev.meridian.gateway.routing;

import dev.meridian.gateway.provider.Provider;
import org.jspecify.annotations.Nullable;

/**
 * One way to serve a model name: an upstream model at a provider.
 *
 * @param modelName the name clients ask for
 * @param upstreamModel the provider's own id for the model
 * @param price null when neither the configuration nor the catalog knows the price
 * @param state what the gateway has seen of it, shared by every table that has the deployment
 */
public record Deployment(String modelName, Provider provider, String upstreamModel, int weight,
		@Nullable ModelPrice price, DeploymentLimits limits, DeploymentState state) {

	/** How the deployment is named in logs and metrics: {@code provider/upstream-model}. */
	public String id() {
		return state.deploymentId();
	}

	/** Whether a prompt of about this many tokens fits its context window (unknown windows fit anything). */
	boolean fits(long promptTokens) {
		Integer window = limits.contextWindow();
		return window == null || promptTokens <= window;
	}

	/** Whether this replica has sent it as many requests or tokens in the last minute as it takes. */
	boolean atRateLimit() {
		return limits.rpm() != null && state.requestsLastMinute() >= limits.rpm()
				|| limits.tpm() != null && state.tokensLastMinute() >= limits.tpm();
	}

}
