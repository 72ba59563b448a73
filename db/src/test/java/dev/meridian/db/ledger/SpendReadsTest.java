package dev.meridian.db.ledger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.meridian.db.governance.BudgetPeriod;
import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.DatabaseServer;
import dev.meridian.db.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.meridian.db.ledger.LedgerRows.count;
import static dev.meridian.db.ledger.LedgerRows.execute;
import static dev.meridian.db.ledger.LedgerRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Budget totals and the admins' spend reads, on rows written by the real writer. */
class SpendReadsTest {

	private static final String URL = TestDatabases.freshDatabaseUrl();

	private static final UUID TEAM_A = UUID.randomUUID();

	private static final UUID TEAM_B = UUID.randomUUID();

	private static final UUID KEY_A1 = UUID.randomUUID();

	private static final UUID KEY_A2 = UUID.randomUUID();

	private static final UUID KEY_B = UUID.randomUUID();

	/** Thursday 2026-01-01, in an ISO week that began on Monday 2025-12-29. */
	private static final Instant NOW = Instant.parse("2026-01-01T15:00:00Z");

	@TempDir
	static Path dataDir;

	private static ApplicationContextRunner context() {
		return new ApplicationContextRunner()
			.withUserConfiguration(DatabaseConfiguration.class, SpendLedgerWriter.class, SpendTotals.class,
					SpendRepository.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("meridian.database.url=" + URL, "meridian.data-dir=" + dataDir);
	}

	@BeforeAll
	static void writeSpend() {
		context().run(app -> {
			var db = app.getBean(DatabaseServer.class).coordinates();
			execute(db, "INSERT INTO team (id, name) VALUES ('" + TEAM_A + "', 'research'), ('" + TEAM_B + "', 'support')");
			execute(db, "INSERT INTO virtual_key (id, name, key_hash, key_prefix, team_id) VALUES ('" + KEY_A1
					+ "', 'notebook', '" + "1".repeat(64) + "', 'sk-1', '" + TEAM_A + "')");
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			// Last month, last week (previous year), this week, today.
			writer.append(row("a1-nov", Instant.parse("2025-11-30T12:00:00Z"), KEY_A1, TEAM_A, "gpt-4o", 200, 1.0, null));
			writer.append(row("a1-dec28", Instant.parse("2025-12-28T23:59:59Z"), KEY_A1, TEAM_A, "gpt-4o", 200, 2.0, null));
			writer.append(row("a1-dec29", Instant.parse("2025-12-29T00:00:00Z"), KEY_A1, TEAM_A, "auto", 200, 0.5, 4.0));
			writer.append(row("a1-today", Instant.parse("2026-01-01T00:00:00Z"), KEY_A1, TEAM_A, "gpt-4o", 500, null, null));
			writer.append(row("a2-today", Instant.parse("2026-01-01T09:30:00Z"), KEY_A2, TEAM_A, "gpt-4o-mini", 200, 0.25, null));
			writer.append(row("b-today", Instant.parse("2026-01-01T10:00:00Z"), KEY_B, TEAM_B, "gpt-4o", 200, 8.0, null));
			writer.append(row("nobody", Instant.parse("2026-01-01T11:00:00Z"), null, null, "gpt-4o", 200, 16.0, null));
			for (int i = 0; i < 25; i++) {
				writer.append(row("page-" + (char) ('a' + i), Instant.parse("2025-12-30T08:00:00Z").plusSeconds(i / 5),
						KEY_A2, TEAM_A, "gpt-4o-mini", 200, 0.01, null));
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 32);
		});
	}

	@Test
	void addsUpEachKeysAndTeamsSpendPerBudgetPeriod() {
		context().run(app -> {
			SpendTotals totals = app.getBean(SpendTotals.class);
			SpendTotals.PeriodSpend spend = totals.inPeriodsOf(NOW).block();
			assertThat(spend.key(KEY_A1, BudgetPeriod.DAILY)).isEqualByComparingTo("0");
			assertThat(spend.key(KEY_A1, BudgetPeriod.WEEKLY)).isEqualByComparingTo("0.5");
			assertThat(spend.key(KEY_A1, BudgetPeriod.MONTHLY)).isEqualByComparingTo("0");
			assertThat(spend.key(KEY_A1, BudgetPeriod.TOTAL)).isEqualByComparingTo("3.5");
			assertThat(spend.key(KEY_A2, BudgetPeriod.DAILY)).isEqualByComparingTo("0.25");
			assertThat(spend.key(KEY_A2, BudgetPeriod.WEEKLY)).isEqualByComparingTo("0.5");
			assertThat(spend.team(TEAM_A, BudgetPeriod.WEEKLY)).isEqualByComparingTo("1.0");
			assertThat(spend.team(TEAM_A, BudgetPeriod.TOTAL)).isEqualByComparingTo("4.0");
			assertThat(spend.team(TEAM_B, BudgetPeriod.MONTHLY)).isEqualByComparingTo("8");
			assertThat(spend.team(UUID.randomUUID(), BudgetPeriod.TOTAL)).isEqualByComparingTo("0");
			assertThat(spend.byKey().get(BudgetPeriod.DAILY)).doesNotContainKey(KEY_A1);

			assertThat(totals.keySpendSince(BudgetPeriod.WEEKLY.startDay(NOW)).block())
				.containsOnlyKeys(KEY_A1, KEY_A2, KEY_B)
				.hasEntrySatisfying(KEY_A1, cost -> assertThat(cost).isEqualByComparingTo("0.5"));
			assertThat(totals.teamSpendSince(LocalDate.parse("2025-12-01")).block())
				.containsOnlyKeys(TEAM_A, TEAM_B)
				.hasEntrySatisfying(TEAM_A, cost -> assertThat(cost).isEqualByComparingTo("3.0"));
		});
	}

	@Test
	void pagesThroughRowsNewestFirstWithoutSkippingOrRepeating() {
		context().run(app -> {
			SpendRepository spend = app.getBean(SpendRepository.class);
			SpendFilter keyA2 = new SpendFilter(KEY_A2, null, null, null, null, null);
			List<String> seen = new ArrayList<>();
			LedgerPosition after = null;
			for (int page = 0; page < 10; page++) {
				List<LedgerRow> rows = spend.rows(keyA2, after, 4).collectList().block();
				if (rows.isEmpty()) {
					break;
				}
				rows.forEach(row -> seen.add(row.requestId()));
				after = LedgerPosition.of(rows.getLast());
			}
			assertThat(seen).hasSize(26).doesNotHaveDuplicates();
			assertThat(seen.getFirst()).isEqualTo("a2-today");
			// Five rows share each second: within one, by request id, descending.
			assertThat(seen.subList(1, 6)).containsExactly("page-y", "page-x", "page-w", "page-v", "page-u");
			assertThat(seen.getLast()).isEqualTo("page-a");
		});
	}

	@Test
	void filtersRowsAndKeepsThemWithinTheReadersTeams() {
		context().run(app -> {
			SpendRepository spend = app.getBean(SpendRepository.class);
			List<LedgerRow> today = spend.rows(new SpendFilter(null, null, "gpt-4o", Instant.parse("2026-01-01T00:00:00Z"),
					Instant.parse("2026-01-02T00:00:00Z"), null), null, 100).collectList().block();
			assertThat(today).extracting(LedgerRow::requestId).containsExactly("nobody", "b-today", "a1-today");
			LedgerRow failed = today.getLast();
			assertThat(failed.status()).isEqualTo(500);
			assertThat(failed.costUsd()).isNull();
			assertThat(failed.keyId()).isEqualTo(KEY_A1);

			List<LedgerRow> scoped = spend.rows(new SpendFilter(null, null, "gpt-4o", null, null, Set.of(TEAM_B)), null, 100)
				.collectList()
				.block();
			assertThat(scoped).extracting(LedgerRow::requestId).containsExactly("b-today");
			assertThat(spend.rows(new SpendFilter(null, null, null, null, null, Set.of()), null, 100).collectList().block())
				.isEmpty();
		});
	}

	@Test
	void summarisesTheRollupsByDayModelTeamAndKey() {
		context().run(app -> {
			SpendRepository spend = app.getBean(SpendRepository.class);
			SpendFilter december = new SpendFilter(null, null, null, Instant.parse("2025-12-28T12:00:00Z"),
					Instant.parse("2025-12-31T00:00:00Z"), null);
			assertThat(spend.summary(december, SpendGrouping.DAY).collectList().block())
				.extracting(SpendGroup::group, SpendGroup::requests)
				.containsExactly(tuple("2025-12-28", 1L),
						tuple("2025-12-29", 1L),
						tuple("2025-12-30", 25L));

			List<SpendGroup> byModel = spend.summary(new SpendFilter(null, null, null, null, null, null), SpendGrouping.MODEL)
				.collectList()
				.block();
			assertThat(byModel).extracting(SpendGroup::group).containsExactly("gpt-4o", "auto", "gpt-4o-mini");
			SpendGroup auto = byModel.get(1);
			assertThat(auto.costUsd()).isEqualByComparingTo("0.5");
			assertThat(auto.savingsUsd()).isEqualByComparingTo("3.5");
			SpendGroup gpt4o = byModel.getFirst();
			assertThat(gpt4o.requests()).isEqualTo(5);
			assertThat(gpt4o.errors()).isEqualTo(1);
			assertThat(gpt4o.savingsUsd()).isEqualByComparingTo("0");

			List<SpendGroup> byTeam = spend.summary(new SpendFilter(null, null, null, null, null, null), SpendGrouping.TEAM)
				.collectList()
				.block();
			assertThat(byTeam).extracting(SpendGroup::group, SpendGroup::name)
				.containsExactly(tuple(null, null),
						tuple(TEAM_B.toString(), "support"),
						tuple(TEAM_A.toString(), "research"));

			List<SpendGroup> byKey = spend.summary(new SpendFilter(null, TEAM_A, null, null, null, Set.of(TEAM_A)),
					SpendGrouping.KEY).collectList().block();
			assertThat(byKey).extracting(SpendGroup::group, SpendGroup::name)
				.containsExactly(tuple(KEY_A1.toString(), "notebook"),
						tuple(KEY_A2.toString(), null));
			assertThat(byKey.stream().reduce(SpendGroup.none(), SpendGroup::plus).costUsd())
				.isEqualByComparingTo(new BigDecimal("4.00"));
		});
	}

}
