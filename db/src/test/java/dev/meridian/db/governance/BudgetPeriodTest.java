package dev.meridian.db.governance;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Budget periods are calendar units of UTC. */
class BudgetPeriodTest {

	private static final Instant WEDNESDAY_NOON = Instant.parse("2031-03-05T12:30:00Z");

	@Test
	void aDayRunsFromMidnightToMidnight() {
		assertThat(BudgetPeriod.DAILY.start(WEDNESDAY_NOON)).isEqualTo("2031-03-05T00:00:00Z");
		assertThat(BudgetPeriod.DAILY.nextReset(WEDNESDAY_NOON)).isEqualTo("2031-03-06T00:00:00Z");
		assertThat(BudgetPeriod.DAILY.start(Instant.parse("2031-03-06T00:00:00Z"))).isEqualTo("2031-03-06T00:00:00Z");
	}

	@Test
	void aWeekRunsFromMonday() {
		assertThat(BudgetPeriod.WEEKLY.start(WEDNESDAY_NOON)).isEqualTo("2031-03-03T00:00:00Z");
		assertThat(BudgetPeriod.WEEKLY.nextReset(WEDNESDAY_NOON)).isEqualTo("2031-03-10T00:00:00Z");
		assertThat(BudgetPeriod.WEEKLY.start(Instant.parse("2031-03-09T23:59:59Z"))).isEqualTo("2031-03-03T00:00:00Z");
	}

	@Test
	void aMonthRunsFromTheFirst() {
		assertThat(BudgetPeriod.MONTHLY.start(WEDNESDAY_NOON)).isEqualTo("2031-03-01T00:00:00Z");
		assertThat(BudgetPeriod.MONTHLY.nextReset(Instant.parse("2031-02-28T23:59:59Z"))).isEqualTo("2031-03-01T00:00:00Z");
		assertThat(BudgetPeriod.MONTHLY.nextReset(Instant.parse("2031-12-31T10:00:00Z"))).isEqualTo("2032-01-01T00:00:00Z");
	}

	@Test
	void totalNeverResets() {
		assertThat(BudgetPeriod.TOTAL.start(WEDNESDAY_NOON)).isEqualTo(Instant.EPOCH);
		assertThat(BudgetPeriod.TOTAL.nextReset(WEDNESDAY_NOON)).isNull();
	}

}
