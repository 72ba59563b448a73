package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers, as a simple circuit: after a failure every replica counts locally for a
 * pause, then one call tries Redis again; its success closes the circuit. A dead Redis therefore
 * costs one timed-out call per pause, not one per request. Operators see the state as
 * {@code meridian_redis_available} (1 or 0) and the calls served locally as
 * {@code meridian_redis_fallbacks_total}; the log says so once when Redis goes and once when it is
 * back.
 */
final class RedisAvailability {

	private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);

	private final AtomicBoolean up = new AtomicBoolean(true);

	private final AtomicLong retryAt = new AtomicLong();

	private final long pauseNanos;

	private final String target;

	private final Counter fallbacks;

	/** @param target where Redis is, for the log, without credentials */
	RedisAvailability(MeterRegistry registry, Duration pause, String target) {
		this.pauseNanos = pause.toNanos();
		this.target = target;
		Gauge.builder("meridian.redis.available", up, state -> state.get() ? 1 : 0)
			.description("1 while Redis answers and limits and budgets are shared by all replicas, 0 while each counts alone")
			.register(registry);
		this.fallbacks = Counter.builder("meridian.redis.fallbacks")
			.description("Rate-limit checks and spend counts kept in this replica because Redis did not answer")
			.register(registry);
	}

	/** Whether to call Redis now: always while it answers; after a failure, once per pause. */
	boolean worthTrying() {
		if (up.get()) {
			return true;
		}
		long due = retryAt.get();
		long now = System.nanoTime();
		return now - due >= 0 && retryAt.compareAndSet(due, now + pauseNanos);
	}

	void succeeded() {
		if (!up.get() && up.compareAndSet(false, true)) {
			log.info("Redis at {} is reachable again; rate limits and budgets are shared by all replicas again",
					target);
		}
	}

	void failed(Throwable cause) {
		retryAt.set(System.nanoTime() + pauseNanos);
		if (up.compareAndSet(true, false)) {
			log.warn("Redis unreachable, rate limits are per replica until it is back (Redis at {}: {})", target,
					cause.toString());
		}
	}

	/** A call served by the local counters instead of Redis. */
	void fellBack() {
		fallbacks.increment();
	}

}
