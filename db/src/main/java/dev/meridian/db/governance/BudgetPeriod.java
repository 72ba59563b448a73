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

	/** Where the total period starts: before any ledger row can have been written. */
	public static final LocalDate BEGINNING = LocalDate.EPOCH;

	/** The first UTC day of the period that contains {@code now}. */
	public LocalDate startDay(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		return switch (this) {
			case DAILY -> today;
			case WEEKLY -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTHLY -> today.withDayOfMonth(1);
			case TOTAL -> BEGINNING;
		};
	}

	/** The moment the period that contains {@code now} began; the epoch for {@code TOTAL}. */
	public Instant start(Instant now) {
		return startDay(now).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The moment spend counts from zero again; null for {@code TOTAL}, which never resets. */
	public @Nullable Instant nextReset(Instant now) {
		LocalDate start = startDay(now);
		LocalDate next = switch (this) {
			case DAILY -> start.plusDays(1);
			case WEEKLY -> start.plusWeeks(1);
			case MONTHLY -> start.plusMonths(1);
			case TOTAL -> null;
		};
		return (next == null) ? null : next.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
