package dev.meridian.db.ledger;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.DatabaseCoordinates;
import dev.meridian.db.DatabaseServer;
import dev.meridian.db.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.meridian.db.ledger.LedgerRows.count;
import static dev.meridian.db.ledger.LedgerRows.decimal;
import static dev.meridian.db.ledger.LedgerRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger writer on a real PostgreSQL: batches, rollups, exactly-once, load and shutdown. */
class SpendLedgerWriterTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@TempDir
	Path dataDir;

	private ApplicationContextRunner context(String databaseUrl, String... properties) {
		return new ApplicationContextRunner()
			.withUserConfiguration(DatabaseConfiguration.class, SpendLedgerWriter.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("meridian.database.url=" + databaseUrl, "meridian.data-dir=" + dataDir)
			.withPropertyValues(properties);
	}

	@Test
	void writesRowsAndRollsThemUpPerDayKeyTeamAndModel() {
		UUID key = UUID.randomUUID();
		UUID team = UUID.randomUUID();
		Instant monday = Instant.parse("2026-03-02T10:00:00Z");
		Instant tuesday = Instant.parse("2026-03-03T23:59:59.999Z");
		context(TestDatabases.freshDatabaseUrl()).run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			writer.append(row("a", monday, key, team, "gpt-4o", 200, 0.25, null));
			writer.append(row("b", monday.plusSeconds(60), key, team, "gpt-4o", 502, null, null));
			writer.append(row("c", monday.plusSeconds(120), key, team, "auto", 200, 0.01, 0.10));
			writer.append(row("d", tuesday, key, team, "gpt-4o", 200, 0.5, null));
			writer.append(row("e", tuesday, null, null, "gpt-4o", 200, 1.0, null));
			DatabaseCoordinates db = coordinates(app);
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 5);

			assertThat(count(db, "SELECT count(*) FROM spend_daily")).isEqualTo(4);
			String mondayGpt4o = "FROM spend_daily WHERE day = '2026-03-02' AND model = 'gpt-4o' AND key_id = '" + key + "'";
			assertThat(count(db, "SELECT requests " + mondayGpt4o)).isEqualTo(2);
			assertThat(count(db, "SELECT errors " + mondayGpt4o)).isEqualTo(1);
			assertThat(count(db, "SELECT input_tokens " + mondayGpt4o)).isEqualTo(200);
			assertThat(count(db, "SELECT output_tokens " + mondayGpt4o)).isEqualTo(40);
			assertThat(count(db, "SELECT cached_tokens " + mondayGpt4o)).isEqualTo(10);
			assertThat(decimal(db, "SELECT cost_usd " + mondayGpt4o)).isEqualByComparingTo("0.25");
			assertThat(decimal(db, "SELECT baseline_cost_usd " + mondayGpt4o))
				.as("a request without a baseline counts its own cost as baseline")
				.isEqualByComparingTo("0.25");
			assertThat(decimal(db, "SELECT baseline_cost_usd FROM spend_daily WHERE model = 'auto'"))
				.isEqualByComparingTo("0.10");
			assertThat(count(db, "SELECT requests FROM spend_daily WHERE day = '2026-03-03' AND key_id IS NULL"))
				.as("a row without key or team is rolled up on its own").isEqualTo(1);
			assertThat(decimal(db, "SELECT cost_usd FROM spend_ledger WHERE request_id = 'd'")).isEqualByComparingTo("0.5");
			assertThat(count(db, "SELECT count(*) FROM spend_ledger WHERE request_id = 'b' AND cost_usd IS NULL"
					+ " AND error_code = 'upstream_error' AND status = 502")).isEqualTo(1);
			assertThat(app.getBean(MeterRegistry.class).get("meridian.ledger.rows.written").counter().count()).isEqualTo(5);
		});
	}

	@Test
	void storesRowsAppendedTwiceOnceAndCountsThemOnce() {
		String url = TestDatabases.freshDatabaseUrl();
		Instant at = Instant.parse("2026-04-10T08:00:00Z");
		List<LedgerEntry> rows = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			rows.add(row("twice-" + i, at.plusMillis(i)));
		}
		context(url).run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			rows.forEach(writer::append);
			DatabaseCoordinates db = coordinates(app);
			await().atMost(PATIENCE).until(() -> count(db, "SELECT coalesce(sum(requests), 0) FROM spend_daily") == 300);
			rows.forEach(writer::append);
		});
		context(url).run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			rows.subList(100, 200).forEach(writer::append);
			writer.append(row("once-more", at));
			DatabaseCoordinates db = coordinates(app);
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 301);
			// The same rows again in one batch, duplicates of each other as well.
			app.getBean(SpendLedgerWriter.class).append(row("last", at));
			app.getBean(SpendLedgerWriter.class).append(row("last", at));
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 302);
		});
		DatabaseCoordinates db = DatabaseCoordinates.parse(url);
		assertThat(count(db, "SELECT count(*) FROM spend_ledger")).isEqualTo(302);
		assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).isEqualTo(302);
		assertThat(decimal(db, "SELECT sum(cost_usd) FROM spend_daily")).isEqualByComparingTo("0.302");
	}

	@Test
	void keepsUpWithSeveralThreadsAndRollsUpExactly() throws Exception {
		int threads = 4;
		int perThread = 12_500;
		UUID[] keys = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };
		Instant start = Instant.parse("2026-05-31T23:00:00Z");
		context(TestDatabases.freshDatabaseUrl()).run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
				List<Future<?>> appenders = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					int thread = t;
					appenders.add(pool.submit(() -> {
						for (int i = 0; i < perThread; i++) {
							int n = thread * perThread + i;
							// Two hours across a month end: two days, two partitions.
							writer.append(row("load-" + n, start.plusMillis(n * 144L), keys[n % 3], null,
									(n % 2 == 0) ? "gpt-4o" : "gpt-4o-mini", (n % 10 == 0) ? 500 : 200, 0.000123, null));
						}
					}));
				}
				for (Future<?> appender : appenders) {
					appender.get();
				}
			}
			DatabaseCoordinates db = coordinates(app);
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 50_000);
			assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).isEqualTo(50_000);
			assertThat(count(db, "SELECT sum(errors) FROM spend_daily")).isEqualTo(5_000);
			assertThat(count(db, "SELECT sum(input_tokens) FROM spend_daily")).isEqualTo(5_000_000);
			assertThat(decimal(db, "SELECT sum(cost_usd) FROM spend_daily"))
				.isEqualByComparingTo(new BigDecimal("0.000123").multiply(BigDecimal.valueOf(50_000)));
			assertThat(count(db, "SELECT count(DISTINCT day) FROM spend_daily")).isEqualTo(2);
			assertThat(count(db, "SELECT count(*) FROM spend_ledger_2026_06")).isPositive();
			for (UUID key : keys) {
				assertThat(count(db, "SELECT sum(requests) FROM spend_daily WHERE key_id = '" + key + "'"))
					.isEqualTo(count(db, "SELECT count(*) FROM spend_ledger WHERE key_id = '" + key + "'"));
			}
			assertThat(app.getBean(MeterRegistry.class).get("meridian.ledger.dropped.rows").counter().count()).isZero();
		});
	}

	@Test
	void writesEverythingQueuedWhenTheContextCloses() {
		String url = TestDatabases.freshDatabaseUrl();
		Instant at = Instant.parse("2026-02-20T12:00:00Z");
		// Neither size nor time would flush before the close.
		context(url, "meridian.ledger.flush-interval=1h", "meridian.ledger.batch-size=5000").run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			for (int i = 0; i < 2_500; i++) {
				writer.append(row("shutdown-" + i, at.plusMillis(i)));
			}
			assertThat(count(coordinates(app), "SELECT count(*) FROM spend_ledger")).isZero();
		});
		DatabaseCoordinates db = DatabaseCoordinates.parse(url);
		assertThat(count(db, "SELECT count(*) FROM spend_ledger")).isEqualTo(2_500);
		assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).isEqualTo(2_500);
		assertThat(Files.exists(dataDir.resolve(LedgerSpill.DIRECTORY))).isFalse();
	}

	@Test
	void writesAgainAfterAStopAndAStart() {
		Instant at = Instant.parse("2026-02-21T12:00:00Z");
		context(TestDatabases.freshDatabaseUrl()).run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			DatabaseCoordinates db = coordinates(app);
			writer.append(row("before-pause", at));
			app.stop();
			writer.append(row("while-paused", at.plusSeconds(1)));
			app.start();
			writer.append(row("after-pause", at.plusSeconds(2)));
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 3);
			assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).isEqualTo(3);
		});
	}

	@Test
	void createsTheMonthlyPartitionsItsRowsNeed() {
		Instant longAgo = Instant.parse("2021-02-28T23:59:59Z");
		Instant nextYear = YearMonth.now(ZoneOffset.UTC).plusMonths(13).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		context(TestDatabases.freshDatabaseUrl()).run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			writer.append(row("past", longAgo));
			writer.append(row("future", nextYear));
			DatabaseCoordinates db = coordinates(app);
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 2);
			assertThat(count(db, "SELECT count(*) FROM spend_ledger_2021_02")).isEqualTo(1);
			String future = "spend_ledger_" + YearMonth.from(nextYear.atOffset(ZoneOffset.UTC)).toString().replace('-', '_');
			assertThat(count(db, "SELECT count(*) FROM " + future)).isEqualTo(1);
		});
	}

	@Test
	void setsARefusedRowAsideAndStoresTheRest() throws Exception {
		Instant at = Instant.parse("2026-03-05T09:00:00Z");
		context(TestDatabases.freshDatabaseUrl()).run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			writer.append(row("fine-1", at));
			// A status beyond smallint: PostgreSQL refuses this row whatever happens.
			writer.append(row("refused", at, null, null, "gpt-4o", 70_000, 0.1, null));
			writer.append(row("fine-2", at));
			DatabaseCoordinates db = coordinates(app);
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 2);
			await().atMost(PATIENCE).until(() -> Files.exists(dataDir.resolve(LedgerSpill.DIRECTORY)));
		});
		try (var files = Files.list(dataDir.resolve(LedgerSpill.DIRECTORY))) {
			List<Path> kept = files.toList();
			assertThat(kept).singleElement().satisfies(file -> {
				assertThat(file.getFileName().toString()).startsWith("rejected-");
				assertThat(Files.readString(file)).contains("\"requestId\":\"refused\"");
			});
		}
	}

	private static DatabaseCoordinates coordinates(ConfigurableApplicationContext app) {
		return app.getBean(DatabaseServer.class).coordinates();
	}

}
