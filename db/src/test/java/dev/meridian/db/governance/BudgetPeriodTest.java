package dev.meridian.db.governance;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetPeriodTest {

	@Test
	void aDayRunsFromUtcMidnightToUtcMidnight() {
		Instant lastNanosecond = Instant.parse("2026-03-14T23:59:59.999999999Z");
		assertThat(BudgetPeriod.DAILY.start(lastNanosecond)).isEqualTo("2026-03-14T00:00:00Z");
		assertThat(BudgetPeriod.DAILY.nextReset(lastNanosecond)).isEqualTo("2026-03-15T00:00:00Z");
		Instant midnight = Instant.parse("2026-03-15T00:00:00Z");
		assertThat(BudgetPeriod.DAILY.start(midnight)).isEqualTo(midnight);
		assertThat(BudgetPeriod.DAILY.nextReset(midnight)).isEqualTo("2026-03-16T00:00:00Z");
	}

	@Test
	void aWeekStartsOnMonday() {
		// 2026-03-15 is a Sunday, 2026-03-16 a Monday.
		assertThat(BudgetPeriod.WEEKLY.startDay(Instant.parse("2026-03-15T23:59:59Z"))).isEqualTo("2026-03-09");
		assertThat(BudgetPeriod.WEEKLY.startDay(Instant.parse("2026-03-16T00:00:00Z"))).isEqualTo("2026-03-16");
		assertThat(BudgetPeriod.WEEKLY.nextReset(Instant.parse("2026-03-11T12:00:00Z"))).isEqualTo("2026-03-16T00:00:00Z");
	}

	@Test
	void aWeekCanSpanTheYearChange() {
		// 2026-01-01 is a Thursday: its ISO week began on Monday 2025-12-29.
		Instant newYear = Instant.parse("2026-01-01T08:00:00Z");
		assertThat(BudgetPeriod.WEEKLY.startDay(newYear)).isEqualTo("2025-12-29");
		assertThat(BudgetPeriod.WEEKLY.nextReset(newYear)).isEqualTo("2026-01-05T00:00:00Z");
		assertThat(BudgetPeriod.WEEKLY.startDay(Instant.parse("2025-12-31T23:59:59Z"))).isEqualTo("2025-12-29");
	}

	@Test
	void aMonthEndsOnItsLastDayWhateverItsLength() {
		assertThat(BudgetPeriod.MONTHLY.startDay(Instant.parse("2026-01-31T23:59:59Z"))).isEqualTo("2026-01-01");
		assertThat(BudgetPeriod.MONTHLY.nextReset(Instant.parse("2026-01-31T23:59:59Z"))).isEqualTo("2026-02-01T00:00:00Z");
		assertThat(BudgetPeriod.MONTHLY.nextReset(Instant.parse("2026-02-28T23:59:59Z"))).isEqualTo("2026-03-01T00:00:00Z");
		assertThat(BudgetPeriod.MONTHLY.nextReset(Instant.parse("2026-04-30T10:00:00Z"))).isEqualTo("2026-05-01T00:00:00Z");
		assertThat(BudgetPeriod.MONTHLY.nextReset(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2027-01-01T00:00:00Z");
	}

	@Test
	void aLeapYearsFebruaryHasTwentyNineDays() {
		Instant leapDay = Instant.parse("2028-02-29T18:00:00Z");
		assertThat(BudgetPeriod.DAILY.nextReset(leapDay)).isEqualTo("2028-03-01T00:00:00Z");
		assertThat(BudgetPeriod.MONTHLY.startDay(leapDay)).isEqualTo("2028-02-01");
		assertThat(BudgetPeriod.MONTHLY.nextReset(leapDay)).isEqualTo("2028-03-01T00:00:00Z");
		assertThat(BudgetPeriod.WEEKLY.startDay(leapDay)).isEqualTo("2028-02-28");
	}

	@Test
	void theTotalNeverResets() {
		Instant now = Instant.parse("2026-06-01T00:00:00Z");
		assertThat(BudgetPeriod.TOTAL.startDay(now)).isEqualTo(LocalDate.of(1970, 1, 1));
		assertThat(BudgetPeriod.TOTAL.start(now)).isEqualTo(Instant.EPOCH);
		assertThat(BudgetPeriod.TOTAL.nextReset(now)).isNull();
	}

	@Test
	void isSpelledAsInTheSchema() {
		assertThat(BudgetPeriod.of("weekly")).isEqualTo(BudgetPeriod.WEEKLY);
		assertThat(BudgetPeriod.MONTHLY.value()).isEqualTo("monthly");
		assertThatThrownBy(() -> BudgetPeriod.of("Weekly")).isInstanceOf(IllegalArgumentException.class);
	}

}
