package dev.meridian.gateway.governance.limits;

/** The per-replica counters, used without Redis and while Redis is away. */
class LocalRateLimiterTest extends RateLimiterBehaviour {

	private final LocalRateLimiter limiter = new LocalRateLimiter(clock);

	@Override
	protected RateLimiter limiter() {
		return limiter;
	}

}
