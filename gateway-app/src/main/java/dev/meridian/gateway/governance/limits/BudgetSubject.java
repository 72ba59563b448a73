package dev.meridian.gateway.governance.limits;

import java.util.UUID;

import dev.meridian.db.governance.BudgetPeriod;

/**
 * A virtual key or a team with a budget. Spend is counted per scope, id and period, so a changed
 * limit applies at once to what was already spent.
 *
 * @param limitUsd the most that may be spent in one period, in USD
 */
public record BudgetSubject(Scope scope, UUID id, BudgetPeriod period, double limitUsd) {

	public static BudgetSubject key(UUID id, BudgetPeriod period, double limitUsd) {
		return new BudgetSubject(Scope.KEY, id, period, limitUsd);
	}

	public static BudgetSubject team(UUID id, BudgetPeriod period, double limitUsd) {
		return new BudgetSubject(Scope.TEAM, id, period, limitUsd);
	}

	/** What identifies the counter: everything but the limit. */
	Counter counter() {
		return new Counter(scope, id, period);
	}

	record Counter(Scope scope, UUID id, BudgetPeriod period) {
	}

}
