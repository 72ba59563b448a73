package dev.meridian.gateway.governance.limits;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spend counted in this process, when no Redis is configured. Each counter holds one period; the
 * first cost or seed of a later period replaces it.
 */
final class LocalSpendCounters implements SpendCounters {

	private final Map<BudgetSubject.Counter, PeriodTotal> totals = new ConcurrentHashMap<>();

	@Override
	public double spent(BudgetSubject subject, Instant now) {
		PeriodTotal total = totals.get(subject.counter());
		return (total != null && total.span.covers(now)) ? total.spent : 0;
	}

	@Override
	public void add(BudgetSubject subject, Instant at, double costUsd) {
		totals.compute(subject.counter(), (counter, total) -> {
			if (total == null || total.span.isOverAt(at)) {
				total = new PeriodTotal(PeriodSpan.of(subject.period(), at));
			}
			// A late cost of a period that is over does not count in the current one.
			if (total.span.covers(at)) {
				total.spent += costUsd;
			}
			return total;
		});
	}

	@Override
	public void seed(BudgetSubject subject, Instant periodStart, double spentSoFar) {
		PeriodSpan span = PeriodSpan.of(subject.period(), periodStart);
		totals.compute(subject.counter(), (counter, total) -> {
			if (total == null || total.span.start().isBefore(span.start())) {
				total = new PeriodTotal(span);
			}
			if (total.span.equals(span)) {
				total.spent = Math.max(total.spent, spentSoFar);
			}
			return total;
		});
	}

	/** One period's spend; written inside the map's compute, read without locking. */
	private static final class PeriodTotal {

		final PeriodSpan span;

		volatile double spent;

		PeriodTotal(PeriodSpan span) {
			this.span = span;
		}

	}

}
