package dev.meridian.gateway.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway has seen of one deployment, which the routing strategies and the cooldown read:
 * requests in flight, recent latency, requests and tokens in the last minute, and its health. Kept
 * by deployment id in {@link DeploymentStates}, so it outlives a configuration change that keeps
 * the deployment. Counts are this replica's own.
 * <p>
 * Every attempt calls {@link #started()} once and then exactly one of {@link #succeeded},
 * {@link #failed} or {@link #ended()}.
 */
public final class DeploymentState {

	/** Weight of the newest latency in the moving average: about the last ten requests count. */
	private static final double LATENCY_WEIGHT = 0.2;

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final String deploymentId;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong latencyBits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));

	private final SlidingWindowCounter requests;

	private final SlidingWindowCounter tokens;

	private final DeploymentHealth health;

	DeploymentState(String deploymentId, LongSupplier clock) {
		this.deploymentId = deploymentId;
		this.requests = new SlidingWindowCounter(MINUTE, 12, clock);
		this.tokens = new SlidingWindowCounter(MINUTE, 12, clock);
		this.health = new DeploymentHealth(deploymentId, clock);
	}

	public String deploymentId() {
		return deploymentId;
	}

	/** A request is sent to the deployment: it is in flight and counts against its rpm. */
	public void started() {
		inFlight.incrementAndGet();
		requests.add(1);
	}

	/**
	 * @param latencyNanos time to the first streamed event, or to the whole answer when not streamed
	 * @param usedTokens prompt and completion tokens the answer reported, counted against its tpm
	 */
	public void succeeded(long latencyNanos, long usedTokens) {
		inFlight.decrementAndGet();
		tokens.add(usedTokens);
		latencyBits.getAndUpdate(bits -> {
			double average = Double.longBitsToDouble(bits);
			double next = Double.isNaN(average) ? latencyNanos
					: average + LATENCY_WEIGHT * (latencyNanos - average);
			return Double.doubleToRawLongBits(next);
		});
		health.succeeded();
	}

	/**
	 * The provider failed: a rate limit, a server error, a timeout or a connection problem.
	 * @param retryAfter how long the provider asked to be left alone, when it said so
	 */
	public void failed(Duration cooldown, @Nullable Duration retryAfter) {
		inFlight.decrementAndGet();
		health.failed(cooldown, retryAfter);
	}

	/** The attempt ended without telling anything about the deployment: cancelled, or the request was at fault. */
	public void ended() {
		inFlight.decrementAndGet();
		health.released();
	}

	/** The value of the {@code meridian_deployment_state} gauge: 0 healthy, 1 half-open, 2 cooling down. */
	public int stateValue() {
		return health.state().gaugeValue;
	}

	int inFlight() {
		return inFlight.get();
	}

	/** The moving average of recent latencies in nanoseconds; NaN before the first success. */
	double latencyNanos() {
		return Double.longBitsToDouble(latencyBits.get());
	}

	long requestsLastMinute() {
		return requests.sum();
	}

	long tokensLastMinute() {
		return tokens.sum();
	}

	DeploymentHealth health() {
		return health;
	}

}
