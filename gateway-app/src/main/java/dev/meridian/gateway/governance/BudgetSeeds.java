package dev.meridian.gateway.governance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Collection;

import dev.meridian.db.ledger.SpendTotals;
import dev.meridian.db.ledger.SpendTotals.PeriodSpend;
import dev.meridian.gateway.governance.limits.BudgetSubject;
import dev.meridian.gateway.governance.limits.SpendCounters;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts the in-memory budget counters from what the ledger's daily rollups say was spent so far in
 * each period: at start, so that a restart forgets nothing, and when a key or team gets a budget.
 */
@Component
class BudgetSeeds {

	private final SpendTotals totals;

	private final SpendCounters counters;

	private final InstantSource clock;

	BudgetSeeds(SpendTotals totals, SpendCounters counters, InstantSource clock) {
		this.totals = totals;
		this.counters = counters;
		this.clock = clock;
	}

	/** Seeds every budget of a full load, from two queries over the rollups. */
	Mono<Void> plant(Collection<ClientKey> keys, Collection<TeamPolicy> teams) {
		if (keys.stream().allMatch(key -> key.budget() == null) && teams.stream().allMatch(team -> team.budget() == null)) {
			return Mono.empty();
		}
		Instant now = clock.instant();
		return totals.inPeriodsOf(now).doOnNext(spent -> {
			for (ClientKey key : keys) {
				plant(key.budget(), now, spent);
			}
			for (TeamPolicy team : teams) {
				plant(team.budget(), now, spent);
			}
		}).then();
	}

	/** Seeds one key's or team's budget, when it changed: one indexed query for that key or team. */
	Mono<Void> plant(@Nullable BudgetSubject budget) {
		if (budget == null) {
			return Mono.empty();
		}
		Instant now = clock.instant();
		LocalDate from = budget.period().startDay(now);
		Mono<BigDecimal> spent = switch (budget.scope()) {
			case KEY -> totals.keySpentSince(budget.id(), from);
			case TEAM -> totals.teamSpentSince(budget.id(), from);
		};
		return spent.doOnNext(total -> counters.seed(budget, budget.period().start(now), total.doubleValue())).then();
	}

	private void plant(@Nullable BudgetSubject budget, Instant now, PeriodSpend spent) {
		if (budget == null) {
			return;
		}
		BigDecimal total = switch (budget.scope()) {
			case KEY -> spent.key(budget.id(), budget.period());
			case TEAM -> spent.team(budget.id(), budget.period());
		};
		counters.seed(budget, budget.period().start(now), total.doubleValue());
	}

}
