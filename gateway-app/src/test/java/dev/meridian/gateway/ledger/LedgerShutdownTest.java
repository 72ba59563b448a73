package dev.meridian.gateway.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;

import dev.meridian.MeridianApplication;
import dev.meridian.db.DatabaseCoordinates;
import dev.meridian.db.EmbeddedDatabase;
import dev.meridian.db.ledger.LedgerEntry;
import dev.meridian.db.ledger.SpendLedgerWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway on its embedded PostgreSQL: on shutdown the ledger writer stops after the web
 * server (which first finishes its requests) and writes every queued row before the database it
 * writes to is stopped.
 */
class LedgerShutdownTest {

	@TempDir
	Path dataDir;

	@Test
	void writesEveryQueuedRowBeforeTheEmbeddedDatabaseStops() throws Exception {
		ConfigurableApplicationContext gateway = new SpringApplicationBuilder(MeridianApplication.class).run(
				"--server.port=0", "--meridian.config=/nonexistent/config.yaml", "--meridian.data-dir=" + dataDir,
				"--meridian.master-key=sk-shutdown", "--meridian.ledger.flush-interval=1h",
				"--meridian.ledger.batch-size=10000");
		SpendLedgerWriter writer = gateway.getBean(SpendLedgerWriter.class);
		Map<String, SmartLifecycle> lifecycles = gateway.getBeansOfType(SmartLifecycle.class);
		assertThat(lifecycles.values()).filteredOn(this::isWebServerLifecycle)
			.as("graceful shutdown and the web server itself")
			.hasSize(2)
			.allSatisfy(web -> assertThat(writer.getPhase()).isLessThan(web.getPhase()));

		Instant at = Instant.parse("2026-04-01T00:00:00Z");
		for (int i = 0; i < 3_000; i++) {
			writer.append(new LedgerEntry("shutdown-" + i, at.plusMillis(i), null, null, "chat", "gpt-4o-mini",
					"mock/gpt-4o-mini", "mock", 10, 5, 0, 0.0001, null, 3.0, null, 200, null, null, false, 0));
		}
		gateway.close();

		assertThat(dataDir.resolve("ledger-spill")).doesNotExist();
		try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir)) {
			DatabaseCoordinates db = restarted.coordinates();
			try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(
							"SELECT (SELECT count(*) FROM spend_ledger), (SELECT sum(requests) FROM spend_daily)")) {
				result.next();
				assertThat(result.getLong(1)).isEqualTo(3_000);
				assertThat(result.getLong(2)).isEqualTo(3_000);
			}
		}
	}

	private boolean isWebServerLifecycle(SmartLifecycle lifecycle) {
		String name = lifecycle.getClass().getSimpleName();
		return name.equals("WebServerGracefulShutdownLifecycle") || name.equals("WebServerStartStopLifecycle");
	}

}
