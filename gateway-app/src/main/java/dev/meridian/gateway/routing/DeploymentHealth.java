package dev.meridian.gateway.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker of one deployment. A deployment that fails often enough, at least half of five
 * or more requests in the last 30 seconds or three times in a row, cools down for
 * {@code routing.cooldown}; a rate limit answer with {@code retry-after} cools it down for that long.
 * Once the cooldown is over the deployment is half-open: one request goes to it as a probe, and its
 * success makes the deployment healthy again while its failure starts another cooldown.
 * <p>
 * Failures are the provider's: rate limits, server errors, timeouts, refused or dropped connections.
 * A request the provider rejects as invalid says nothing about the deployment's health. All state is
 * in atomics: reading it on every routing decision takes no lock.
 */
final class DeploymentHealth {

	private static final Logger log = LoggerFactory.getLogger(DeploymentHealth.class);

	/** What the {@code meridian_deployment_state} gauge reports. */
	enum State {

		HEALTHY(0), HALF_OPEN(1), COOLING_DOWN(2);

		final int gaugeValue;

		State(int gaugeValue) {
			this.gaugeValue = gaugeValue;
		}

	}

	static final Duration WINDOW = Duration.ofSeconds(30);

	static final int MIN_REQUESTS = 5;

	static final int CONSECUTIVE_FAILURES = 3;

	private static final long CLOSED = Long.MIN_VALUE;

	private final String deploymentId;

	private final LongSupplier clock;

	private final SlidingWindowCounter successes;

	private final SlidingWindowCounter failures;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	/** When the current cooldown ends, on the clock; {@link #CLOSED} when the deployment is healthy. */
	private final AtomicLong coolingUntil = new AtomicLong(CLOSED);

	/** When the probe of a half-open deployment was sent; {@link #CLOSED} when none is out. */
	private final AtomicLong probeSince = new AtomicLong(CLOSED);

	DeploymentHealth(String deploymentId, LongSupplier clock) {
		this.deploymentId = deploymentId;
		this.clock = clock;
		this.successes = new SlidingWindowCounter(WINDOW, 6, clock);
		this.failures = new SlidingWindowCounter(WINDOW, 6, clock);
	}

	State state() {
		long until = coolingUntil.get();
		if (until == CLOSED) {
			return State.HEALTHY;
		}
		return clock.getAsLong() - until < 0 ? State.COOLING_DOWN : State.HALF_OPEN;
	}

	/**
	 * Whether a request may go here now: always when healthy; when half-open, only as the one probe,
	 * and only while no probe is out (a probe out for longer than a cooldown is taken as lost).
	 */
	boolean admits(Duration cooldown) {
		return switch (state()) {
			case HEALTHY -> true;
			case COOLING_DOWN -> false;
			case HALF_OPEN -> {
				long since = probeSince.get();
				yield since == CLOSED || clock.getAsLong() - since > cooldown.toNanos();
			}
		};
	}

	/** A request goes here: when the deployment is half-open, it is the probe. */
	void picked(Duration cooldown) {
		if (state() != State.HALF_OPEN) {
			return;
		}
		long since = probeSince.get();
		long now = clock.getAsLong();
		boolean free = since == CLOSED || now - since > cooldown.toNanos();
		if (free && probeSince.compareAndSet(since, now)) {
			log.info("Deployment {} is half-open: sending one request as a probe", deploymentId);
		}
	}

	/** How long the cooldown still lasts; zero when it is over or there is none. */
	long coolingNanosLeft() {
		long until = coolingUntil.get();
		return (until == CLOSED) ? 0 : Math.max(0, until - clock.getAsLong());
	}

	void succeeded() {
		consecutiveFailures.set(0);
		successes.add(1);
		long until = coolingUntil.get();
		if (until != CLOSED && coolingUntil.compareAndSet(until, CLOSED)) {
			probeSince.set(CLOSED);
			failures.clear();
			successes.clear();
			log.info("Deployment {} is healthy again", deploymentId);
		}
	}

	/** @param retryAfter how long the provider asked to be left alone, when it said so */
	void failed(Duration cooldown, @Nullable Duration retryAfter) {
		int inARow = consecutiveFailures.incrementAndGet();
		failures.add(1);
		if (retryAfter != null && retryAfter.isPositive()) {
			coolDown(retryAfter, "the provider asked to retry after " + retryAfter.toMillis() + " ms");
			return;
		}
		if (coolingUntil.get() != CLOSED) {
			// A probe, or a request sent while every deployment was cooling down, failed.
			coolDown(cooldown, "it failed again");
			return;
		}
		long failed = failures.sum();
		long total = failed + successes.sum();
		if (inARow >= CONSECUTIVE_FAILURES) {
			coolDown(cooldown, inARow + " failures in a row");
		}
		else if (total >= MIN_REQUESTS && failed * 2 >= total) {
			coolDown(cooldown, failed + " of the last " + total + " requests failed");
		}
	}

	/** A probe whose request was cancelled proves nothing: the next request may probe. */
	void released() {
		if (coolingUntil.get() != CLOSED) {
			probeSince.set(CLOSED);
		}
	}

	private void coolDown(Duration duration, String why) {
		long now = clock.getAsLong();
		long until = now + duration.toNanos();
		while (true) {
			long current = coolingUntil.get();
			boolean wasCooling = current != CLOSED && now - current < 0;
			if (wasCooling && current - until >= 0) {
				return;
			}
			if (coolingUntil.compareAndSet(current, until)) {
				probeSince.set(CLOSED);
				// Logged when the state changes, not each time a cooldown is extended.
				if (!wasCooling) {
					log.warn("Deployment {} cools down for {} ms: {}", deploymentId, duration.toMillis(), why);
				}
				return;
			}
		}
	}

}
