package dev.meridian.db.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.DatabaseCoordinates;
import dev.meridian.db.DatabaseServer;
import dev.meridian.db.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.meridian.db.ledger.LedgerRows.count;
import static dev.meridian.db.ledger.LedgerRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Daily partition upkeep: next month made ahead, old months dropped when a retention is set. */
class SpendLedgerMaintenanceTest {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner context(String... properties) {
		return new ApplicationContextRunner()
			.withUserConfiguration(DatabaseConfiguration.class, SpendLedgerWriter.class, SpendLedgerMaintenance.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("meridian.database.url=" + TestDatabases.freshDatabaseUrl(), "meridian.data-dir=" + dataDir)
			.withPropertyValues(properties);
	}

	@Test
	void createsNextMonthsPartitionAhead() {
		context().run(app -> {
			DatabaseCoordinates db = app.getBean(DatabaseServer.class).coordinates();
			assertThat(app.getBean(SpendLedgerMaintenance.class).maintain(Instant.parse("2031-12-31T23:00:00Z"))).isEmpty();
			assertThat(count(db, "SELECT count(*) FROM pg_class WHERE relname IN ('spend_ledger_2031_12', 'spend_ledger_2032_01')"))
				.isEqualTo(2);
		});
	}

	@Test
	void dropsMonthsOlderThanTheRetentionAndKeepsTheirRollups() {
		context("meridian.ledger.retention-months=3").run(app -> {
			DatabaseCoordinates db = app.getBean(DatabaseServer.class).coordinates();
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			writer.append(row("jan", Instant.parse("2025-01-15T00:00:00Z")));
			writer.append(row("feb", Instant.parse("2025-02-28T23:59:59Z")));
			writer.append(row("mar", Instant.parse("2025-03-01T00:00:00Z")));
			writer.append(row("may", Instant.parse("2025-05-20T00:00:00Z")));
			await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 4);

			// Three months before 2025-06-10 is 2025-03-10: January and February are wholly older, March is not.
			assertThat(app.getBean(SpendLedgerMaintenance.class).maintain(Instant.parse("2025-06-10T04:00:00Z")))
				.containsExactly("spend_ledger_2025_01", "spend_ledger_2025_02");

			// March and May, and June and July made ahead.
			assertThat(count(db, "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relname LIKE 'spend_ledger_2025_0%'")).isEqualTo(4);
			assertThat(count(db, "SELECT count(*) FROM spend_ledger")).isEqualTo(2);
			assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).as("rollups are kept").isEqualTo(4);

			// A late row for a dropped month makes its partition again rather than being lost.
			writer.append(row("late", Instant.parse("2025-01-20T00:00:00Z")));
			await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 3);
		});
	}

}
