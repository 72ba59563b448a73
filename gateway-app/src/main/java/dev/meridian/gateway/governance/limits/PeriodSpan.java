package dev.meridian.gateway.governance.limits;

import java.time.Instant;

import dev.meridian.db.governance.BudgetPeriod;
import org.jspecify.annotations.Nullable;

/** The instants one budget period covers: from {@code start}, up to but excluding {@code end}. */
record PeriodSpan(Instant start, @Nullable Instant end) {

	static PeriodSpan of(BudgetPeriod period, Instant at) {
		return new PeriodSpan(period.start(at), period.nextReset(at));
	}

	boolean covers(Instant at) {
		return !at.isBefore(start) && !isOverAt(at);
	}

	boolean isOverAt(Instant at) {
		return end != null && !at.isBefore(end);
	}

}
