package dev.meridian.gateway.governance.limits;

import java.time.Duration;

/**
 * The arithmetic of the one-minute sliding window, approximated by two fixed one-minute buckets (UTC
 * minutes): what the window holds now is the current bucket plus the previous one weighted by the
 * share of the previous minute still inside the window ending now. Forty seconds into a minute, a
 * third of the previous minute is still in the window, so a third of its count is. Two counters per
 * subject instead of a log of timestamps, and no burst at the minute boundary as with a fixed
 * window; the estimate is exact when the previous minute's requests were spread evenly.
 *
 * <p>
 * {@code admit.lua} repeats {@link #used} and {@link #fits} operation for operation, so that Redis and
 * the local counters decide alike to the last bit.
 */
final class SlidingWindow {

	static final long MINUTE_MILLIS = 60_000;

	private SlidingWindow() {
	}

	static long minute(long epochMillis) {
		return Math.floorDiv(epochMillis, MINUTE_MILLIS);
	}

	static long elapsed(long epochMillis) {
		return Math.floorMod(epochMillis, MINUTE_MILLIS);
	}

	/** What the window ending {@code elapsed} milliseconds into the current minute holds. */
	static double used(long previous, long current, long elapsed) {
		return previous * ((MINUTE_MILLIS - elapsed) / (double) MINUTE_MILLIS) + current;
	}

	static boolean fits(long previous, long current, long elapsed, long cost, long limit) {
		return used(previous, current, elapsed) + cost <= limit;
	}

	/** What is left under the limit, rounded down. */
	static long remaining(long previous, long current, long elapsed, long limit) {
		return Math.max(0, (long) Math.floor(limit - used(previous, current, elapsed)));
	}

	/**
	 * How long until {@code cost} more fits under the limit if nothing else is counted meanwhile: the
	 * previous bucket slides out during the rest of this minute, the current one during the next.
	 */
	static Duration untilFits(long previous, long current, long elapsed, long cost, long limit) {
		double target = limit - cost;
		if (target < 0) {
			// Never fits (a limit of 0): a minute is as good an answer as any.
			return Duration.ofMillis(MINUTE_MILLIS);
		}
		if (used(previous, current, elapsed) <= target) {
			return Duration.ZERO;
		}
		long rest = MINUTE_MILLIS - elapsed;
		double wait = (current <= target) ? rest - MINUTE_MILLIS * (target - current) / previous
				: rest + MINUTE_MILLIS * (current - target) / current;
		return Duration.ofMillis(Math.max(1, (long) Math.ceil(wait)));
	}

	/** How long until the window holds nothing of what it holds now. */
	static Duration untilEmpty(long previous, long current, long elapsed) {
		long rest = MINUTE_MILLIS - elapsed;
		if (current > 0) {
			return Duration.ofMillis(rest + MINUTE_MILLIS);
		}
		return (previous > 0) ? Duration.ofMillis(rest) : Duration.ZERO;
	}

	/** What a request weighs against a tpm limit before its answer: its prompt, at least 1, at most the limit. */
	static long tokenCost(long estimatedPromptTokens, long tpm) {
		return Math.max(1, Math.min(estimatedPromptTokens, tpm));
	}

}
