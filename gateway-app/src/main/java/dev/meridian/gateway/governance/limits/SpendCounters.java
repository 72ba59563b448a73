package dev.meridian.gateway.governance.limits;

import java.time.Instant;

/**
 * What each key and team has spent in its current budget period, read from memory on the request
 * path. Counters are kept per period start, so a new period starts at zero without any job.
 */
public interface SpendCounters {

	/** Whether the period's spend has reached the limit; requests are refused from then on. */
	default boolean exhausted(BudgetSubject subject, Instant now) {
		return spent(subject, now) >= subject.limitUsd();
	}

	/** USD spent in the period containing {@code now}. */
	double spent(BudgetSubject subject, Instant now);

	/** Counts a request's cost in the period containing {@code at}; returns at once. */
	void add(BudgetSubject subject, Instant at, double costUsd);

	/**
	 * Starts a period's counter from the ledger's total, at start and when a key or budget appears.
	 * Seeding never lowers a counter: spend counted here that the ledger does not show yet stays.
	 *
	 * @param periodStart the start of the period the total belongs to; a seed for a period that is over
	 * is ignored
	 */
	void seed(BudgetSubject subject, Instant periodStart, double spentSoFar);

}
