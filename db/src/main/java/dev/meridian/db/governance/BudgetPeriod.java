package dev.meridian.db.governance;

import java.util.Locale;

/** How often a budget starts again, in calendar units of UTC; {@code total} never resets. */
public enum BudgetPeriod {

	DAILY, WEEKLY, MONTHLY, TOTAL;

	/** The name used in the database and the APIs. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @throws IllegalArgumentException for a name that is not a period */
	public static BudgetPeriod of(String value) {
		for (BudgetPeriod period : values()) {
			if (period.value().equals(value)) {
				return period;
			}
		}
		throw new IllegalArgumentException("unknown budget period '" + value + "'");
	}

}
