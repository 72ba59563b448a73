package dev.meridian.gateway.governance.limits;

import java.time.Instant;
import java.util.UUID;

import dev.meridian.db.governance.BudgetPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What all {@link SpendCounters} do. Dates lie in the future so that counters kept in Redis do not
 * expire while the test runs.
 */
abstract class SpendCountersBehaviour {

	protected final TestClock clock = new TestClock("2031-03-05T12:00:00Z");

	private final UUID keyId = UUID.randomUUID();

	protected abstract SpendCounters counters();

	@Test
	void aBudgetIsExhaustedExactlyWhenSpendReachesTheLimit() {
		BudgetSubject key = BudgetSubject.key(keyId, BudgetPeriod.MONTHLY, 1.0);
		Instant now = clock.instant();
		for (int i = 0; i < 3; i++) {
			counters().add(key, now, 0.25);
		}
		assertThat(counters().exhausted(key, now)).isFalse();
		assertThat(counters().spent(key, now)).isEqualTo(0.75);

		counters().add(key, now, 0.25);

		assertThat(counters().exhausted(key, now)).isTrue();
		assertThat(counters().spent(key, now)).isEqualTo(1.0);
	}

	@Test
	void aChangedLimitAppliesToWhatWasAlreadySpent() {
		Instant now = clock.instant();
		counters().add(BudgetSubject.key(keyId, BudgetPeriod.DAILY, 10), now, 6);

		assertThat(counters().exhausted(BudgetSubject.key(keyId, BudgetPeriod.DAILY, 5), now)).isTrue();
		assertThat(counters().exhausted(BudgetSubject.team(keyId, BudgetPeriod.DAILY, 5), now)).isFalse();
	}

	@Test
	void aDailyBudgetStartsAgainAtMidnightUtc() {
		BudgetSubject key = BudgetSubject.key(keyId, BudgetPeriod.DAILY, 5);
		counters().add(key, Instant.parse("2031-03-05T23:59:59Z"), 5);
		assertThat(counters().exhausted(key, Instant.parse("2031-03-05T23:59:59.999Z"))).isTrue();

		clock.set("2031-03-06T00:00:00Z");

		assertThat(counters().exhausted(key, clock.instant())).isFalse();
		assertThat(counters().spent(key, clock.instant())).isZero();
		counters().add(key, clock.instant(), 1.5);
		assertThat(counters().spent(key, clock.instant())).isEqualTo(1.5);
	}

	@Test
	void aWeeklyBudgetStartsAgainOnMondayUtc() {
		BudgetSubject key = BudgetSubject.key(keyId, BudgetPeriod.WEEKLY, 5);
		counters().add(key, Instant.parse("2031-03-03T00:00:00Z"), 5);
		assertThat(counters().exhausted(key, Instant.parse("2031-03-09T23:59:59Z"))).as("Sunday").isTrue();

		clock.set("2031-03-10T00:00:00Z");

		assertThat(counters().exhausted(key, clock.instant())).as("Monday").isFalse();
	}

	@Test
	void aMonthlyBudgetStartsAgainOnTheFirstUtc() {
		BudgetSubject key = BudgetSubject.key(keyId, BudgetPeriod.MONTHLY, 5);
		clock.set("2031-01-02T08:00:00Z");
		counters().add(key, clock.instant(), 5);
		assertThat(counters().exhausted(key, Instant.parse("2031-01-31T23:59:59Z"))).isTrue();

		clock.set("2031-02-01T00:00:00Z");

		assertThat(counters().exhausted(key, clock.instant())).isFalse();
		counters().add(key, clock.instant(), 2);
		assertThat(counters().spent(key, Instant.parse("2031-02-15T00:00:00Z"))).isEqualTo(2);
	}

	@Test
	void aTotalBudgetNeverStartsAgain() {
		BudgetSubject key = BudgetSubject.key(keyId, BudgetPeriod.TOTAL, 5);
		counters().add(key, clock.instant(), 5);

		clock.set("2035-01-01T00:00:00Z");

		assertThat(counters().exhausted(key, clock.instant())).isTrue();
	}

	@Test
	void aLateCostOfAnEndedPeriodDoesNotCountInTheNewOne() {
		BudgetSubject key = BudgetSubject.key(keyId, BudgetPeriod.DAILY, 5);
		clock.set("2031-03-06T00:00:01Z");
		counters().add(key, clock.instant(), 1);

		counters().add(key, Instant.parse("2031-03-05T23:59:59Z"), 3);

		assertThat(counters().spent(key, clock.instant())).isEqualTo(1);
	}

	@Test
	void seedingStartsThePeriodFromTheLedgerTotalAndNeverLowersIt() {
		BudgetSubject key = BudgetSubject.key(keyId, BudgetPeriod.MONTHLY, 5);
		Instant now = clock.instant();
		Instant march = Instant.parse("2031-03-01T00:00:00Z");

		counters().seed(key, march, 4.5);
		assertThat(counters().exhausted(key, now)).isFalse();
		counters().add(key, now, 0.5);
		assertThat(counters().exhausted(key, now)).isTrue();

		counters().seed(key, march, 1);
		assertThat(counters().spent(key, now)).isEqualTo(5);
		counters().seed(key, Instant.parse("2031-02-01T00:00:00Z"), 100);
		assertThat(counters().spent(key, now)).as("a seed of February changes nothing in March").isEqualTo(5);
	}

}
