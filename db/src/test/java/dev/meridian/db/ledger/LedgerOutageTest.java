package dev.meridian.db.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.DatabaseCoordinates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.meridian.db.ledger.LedgerRows.count;
import static dev.meridian.db.ledger.LedgerRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away and comes back (a real server stopped and started again on the same port and
 * data): rows appended meanwhile are kept on disk and stored exactly once when it is back, also
 * when the writer itself was restarted in between.
 */
class LedgerOutageTest {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@TempDir
	Path dir;

	private final int port = freePort();

	private EmbeddedPostgres postgres;

	@BeforeEach
	void startDatabase() {
		postgres = start();
	}

	@AfterEach
	void stopDatabase() throws IOException {
		postgres.close();
	}

	@Test
	void keepsRowsOnDiskDuringAnOutageAndStoresThemOnceItIsOver() {
		DatabaseCoordinates db = coordinates();
		Instant at = Instant.parse("2026-03-10T10:00:00Z");
		context().run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			MeterRegistry metrics = app.getBean(MeterRegistry.class);
			for (int i = 0; i < 100; i++) {
				writer.append(row("before-" + i, at.plusMillis(i)));
			}
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 100);

			postgres.close();
			for (int i = 0; i < 500; i++) {
				writer.append(row("during-" + i, at.plusSeconds(1).plusMillis(i)));
			}
			await().atMost(PATIENCE).until(() -> counter(metrics, "meridian.ledger.spilled.rows") >= 500);
			assertThat(spillFiles()).isNotEmpty();
			assertThat(counter(metrics, "meridian.ledger.write.failures")).isPositive();

			postgres = start();
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 600);
			for (int i = 0; i < 100; i++) {
				writer.append(row("after-" + i, at.plusSeconds(2).plusMillis(i)));
			}
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 700);
			await().atMost(PATIENCE).until(() -> spillFiles().isEmpty());
			assertThat(counter(metrics, "meridian.ledger.dropped.rows")).isZero();
		});
		assertThat(count(db, "SELECT count(*) FROM spend_ledger")).isEqualTo(700);
		assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).isEqualTo(700);
	}

	@Test
	void replaysWhatWasSpilledAtShutdownWhenTheWriterStartsAgain() throws IOException {
		DatabaseCoordinates db = coordinates();
		Instant at = Instant.parse("2026-03-11T10:00:00Z");
		context().run(app -> {
			SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
			writer.append(row("first", at));
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 1);
			postgres.close();
			for (int i = 0; i < 1_500; i++) {
				writer.append(row("queued-" + i, at.plusMillis(i + 1)));
			}
		});
		assertThat(spillFiles()).isNotEmpty();
		long spilledLines = 0;
		for (Path file : spillFiles()) {
			try (Stream<String> lines = Files.lines(file)) {
				spilledLines += lines.count();
			}
		}
		assertThat(spilledLines).isEqualTo(1_500);

		postgres = start();
		context().run(app -> {
			await().atMost(PATIENCE).until(() -> count(db, "SELECT count(*) FROM spend_ledger") == 1_501);
			await().atMost(PATIENCE).until(() -> spillFiles().isEmpty());
		});
		assertThat(count(db, "SELECT sum(requests) FROM spend_daily")).isEqualTo(1_501);
	}

	private ApplicationContextRunner context() {
		return new ApplicationContextRunner().withUserConfiguration(DatabaseConfiguration.class, SpendLedgerWriter.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("meridian.database.url=postgresql://postgres@127.0.0.1:" + port + "/postgres",
					"meridian.data-dir=" + dir.resolve("gateway"), "meridian.ledger.flush-interval=50ms",
					"meridian.ledger.batch-size=200");
	}

	private EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(dir.resolve("postgres"))
				.setCleanDataDirectory(false)
				.setPort(port)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private DatabaseCoordinates coordinates() {
		return new DatabaseCoordinates("127.0.0.1", port, "postgres", "postgres", "");
	}

	private List<Path> spillFiles() throws IOException {
		Path spill = dir.resolve("gateway").resolve(LedgerSpill.DIRECTORY);
		if (!Files.isDirectory(spill)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(spill)) {
			return files.toList();
		}
	}

	private static double counter(MeterRegistry metrics, String name) {
		return metrics.get(name).counter().count();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
