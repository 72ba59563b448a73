package dev.meridian.db.ledger;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The calendar a budget is counted over, in UTC: a day, an ISO week (Monday to Sunday), a calendar
 * month, or everything since the key or team was made. Calendar-aligned rather than rolling, so that
 * a budget resets at the same moment for every replica and every admin reading it.
 */
public enum BudgetPeriod {

	DAILY, WEEKLY, MONTHLY, TOTAL;

	/** Where the total period starts: before any ledger row can have been written. */
	public static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

	/** How the schema and the admin API spell the period ({@code daily}, ...). */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The period named as in the schema and the admin API; null for a value that names none. */
	public static @Nullable BudgetPeriod of(@Nullable String value) {
		if (value != null) {
			for (BudgetPeriod period : values()) {
				if (period.value().equals(value)) {
					return period;
				}
			}
		}
		return null;
	}

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

	/** The moment the period that contains {@code now} began. */
	public Instant start(Instant now) {
		return startDay(now).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The moment spend counts from zero again; null for the total, which never resets. */
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
