package dev.meridian.db.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.meridian.db.governance.BudgetPeriod;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * What keys and teams have spent so far in their budget periods, read from the daily rollups
 * ({@code spend_daily}), never from the ledger itself. Budget periods are whole UTC days, so the
 * rollups answer exactly. For the gateway's in-memory budget counters: read at start and after a
 * change, then kept up to date from the requests themselves.
 */
@Repository
public class SpendTotals {

	private static final String KEY = "key_id";

	private static final String TEAM = "team_id";

	private final DatabaseClient db;

	public SpendTotals(DatabaseClient db) {
		this.db = db;
	}

	/** Cost per key over the days from {@code from} on (inclusive); keys that spent nothing are absent. */
	public Mono<Map<UUID, BigDecimal>> keySpendSince(LocalDate from) {
		return spendSince(KEY, from);
	}

	/** Cost per team over the days from {@code from} on (inclusive); teams that spent nothing are absent. */
	public Mono<Map<UUID, BigDecimal>> teamSpendSince(LocalDate from) {
		return spendSince(TEAM, from);
	}

	/** One key's cost over the days from {@code from} on (inclusive). */
	public Mono<BigDecimal> keySpentSince(UUID key, LocalDate from) {
		return spentSince(KEY, key, from);
	}

	/** One team's cost over the days from {@code from} on (inclusive). */
	public Mono<BigDecimal> teamSpentSince(UUID team, LocalDate from) {
		return spentSince(TEAM, team, from);
	}

	/** Every key's and team's spend in each budget period containing {@code now}, in two queries. */
	public Mono<PeriodSpend> inPeriodsOf(Instant now) {
		return byPeriod(KEY, now).zipWith(byPeriod(TEAM, now), PeriodSpend::new);
	}

	private Mono<BigDecimal> spentSince(String owner, UUID id, LocalDate from) {
		return db.sql("SELECT sum(cost_usd) AS cost FROM spend_daily WHERE " + owner + " = :id AND day >= :from")
			.bind("id", id)
			.bind("from", from)
			.map(row -> decimal(row, "cost"))
			.one()
			.defaultIfEmpty(BigDecimal.ZERO);
	}

	private Mono<Map<UUID, BigDecimal>> spendSince(String owner, LocalDate from) {
		return db.sql("SELECT " + owner + " AS owner, sum(cost_usd) AS cost FROM spend_daily WHERE " + owner
				+ " IS NOT NULL AND day >= :from GROUP BY " + owner)
			.bind("from", from)
			.map(row -> Map.entry(owner(row), decimal(row, "cost")))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private Mono<Map<BudgetPeriod, Map<UUID, BigDecimal>>> byPeriod(String owner, Instant now) {
		LocalDate day = BudgetPeriod.DAILY.startDay(now);
		LocalDate week = BudgetPeriod.WEEKLY.startDay(now);
		LocalDate month = BudgetPeriod.MONTHLY.startDay(now);
		return db.sql("SELECT " + owner + " AS owner,"
				+ " sum(cost_usd) FILTER (WHERE day >= :day) AS daily,"
				+ " sum(cost_usd) FILTER (WHERE day >= :week) AS weekly,"
				+ " sum(cost_usd) FILTER (WHERE day >= :month) AS monthly,"
				+ " sum(cost_usd) AS total"
				+ " FROM spend_daily WHERE " + owner + " IS NOT NULL GROUP BY " + owner)
			.bind("day", day)
			.bind("week", week)
			.bind("month", month)
			.map(row -> {
				Map<BudgetPeriod, BigDecimal> costs = new EnumMap<>(BudgetPeriod.class);
				for (BudgetPeriod period : BudgetPeriod.values()) {
					costs.put(period, decimal(row, period.value()));
				}
				return Map.entry(owner(row), costs);
			})
			.all()
			.reduceWith(SpendTotals::emptyPeriods, (periods, spend) -> {
				spend.getValue().forEach((period, cost) -> {
					if (cost.signum() != 0) {
						periods.get(period).put(spend.getKey(), cost);
					}
				});
				return periods;
			});
	}

	private static Map<BudgetPeriod, Map<UUID, BigDecimal>> emptyPeriods() {
		Map<BudgetPeriod, Map<UUID, BigDecimal>> periods = new EnumMap<>(BudgetPeriod.class);
		for (BudgetPeriod period : BudgetPeriod.values()) {
			periods.put(period, new HashMap<>());
		}
		return periods;
	}

	private static UUID owner(Readable row) {
		UUID owner = row.get("owner", UUID.class);
		if (owner == null) {
			throw new IllegalStateException("spend_daily owner is null despite the filter");
		}
		return owner;
	}

	private static BigDecimal decimal(Readable row, String column) {
		BigDecimal value = row.get(column, BigDecimal.class);
		return (value == null) ? BigDecimal.ZERO : value;
	}

	/** Spend per key and per team in each budget period; zero where nothing was spent. */
	public record PeriodSpend(Map<BudgetPeriod, Map<UUID, BigDecimal>> byKey,
			Map<BudgetPeriod, Map<UUID, BigDecimal>> byTeam) {

		public BigDecimal key(UUID key, BudgetPeriod period) {
			return byKey.get(period).getOrDefault(key, BigDecimal.ZERO);
		}

		public BigDecimal team(UUID team, BudgetPeriod period) {
			return byTeam.get(period).getOrDefault(team, BigDecimal.ZERO);
		}

	}

}
