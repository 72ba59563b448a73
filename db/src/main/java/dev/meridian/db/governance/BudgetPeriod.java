package dev.meridian.db.governance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How long a budget runs before it starts again at zero, in calendar units of UTC: a day from 00:00,
 * a week from Monday 00:00, a month from the 1st; {@code total} never starts again.
 */
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

	/** When the period containing {@code at} began; the epoch for {@code TOTAL}. */
	public Instant start(Instant at) {
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		LocalDate first = switch (this) {
			case DAILY -> day;
			case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTHLY -> day.withDayOfMonth(1);
			case TOTAL -> LocalDate.EPOCH;
		};
		return first.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** When the period containing {@code at} ends and the next begins; null for {@code TOTAL}. */
	public @Nullable Instant nextReset(Instant at) {
		LocalDate first = LocalDate.ofInstant(start(at), ZoneOffset.UTC);
		LocalDate next = switch (this) {
			case DAILY -> first.plusDays(1);
			case WEEKLY -> first.plusWeeks(1);
			case MONTHLY -> first.plusMonths(1);
			case TOTAL -> null;
		};
		return (next == null) ? null : next.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
