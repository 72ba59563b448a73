package dev.meridian.db.ledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.DatabaseCoordinates;
import dev.meridian.db.DatabaseServer;
import dev.meridian.db.TestDatabases;
import dev.meridian.db.ledger.LedgerEntry;
import dev.meridian.db.ledger.SpendLedgerWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sustained write rate of the real ledger writer into PostgreSQL: producer threads append rows as
 * fast as the writer takes them (they pause while more than a few batches are queued, so that the
 * database, not the spill file, takes every row), and the rate is rows stored per second over the
 * measured window. Run by {@code bench/ledger.sh}; prints {@code key=value} lines.
 */
public final class LedgerWriteBenchmark {

	private static final int MAX_QUEUED = 20_000;

	/** Producers wait without spinning, leaving the CPU to the writer and the database. */
	private static final long PAUSE_NANOS = 1_000_000;

	private LedgerWriteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
		int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
		int producers = Integer.parseInt(options.getOrDefault("producers", "2"));
		int keys = Integer.parseInt(options.getOrDefault("keys", "200"));
		String url = options.getOrDefault("database-url", "");
		if (url.isBlank()) {
			url = TestDatabases.freshDatabaseUrl();
		}
		List<String> properties = new ArrayList<>(List.of("meridian.database.url=" + url,
				"meridian.data-dir=" + options.getOrDefault("data-dir", "target/ledger-bench"),
				"spring.main.banner-mode=off", "logging.level.root=warn"));
		options.forEach((name, value) -> {
			if (name.startsWith("meridian.")) {
				properties.add(name + "=" + value);
			}
		});

		ConfigurableApplicationContext app = new SpringApplicationBuilder(DatabaseConfiguration.class,
				SpendLedgerWriter.class, Metrics.class)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run();
		DatabaseCoordinates db = app.getBean(DatabaseServer.class).coordinates();
		SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
		MeterRegistry metrics = app.getBean(MeterRegistry.class);

		Gauge queued = metrics.get("meridian.ledger.queue.size").gauge();
		Workload workload = new Workload(keys);
		AtomicLong appended = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		long end = System.nanoTime() + Duration.ofSeconds(warmup + seconds).toNanos();
		for (int p = 0; p < producers; p++) {
			threads.add(Thread.ofPlatform().name("producer-" + p).start(() -> {
				while (System.nanoTime() < end) {
					if (queued.value() > MAX_QUEUED) {
						LockSupport.parkNanos(PAUSE_NANOS);
						continue;
					}
					writer.append(workload.next(appended.incrementAndGet()));
				}
			}));
		}
		Thread.sleep(Duration.ofSeconds(warmup));
		double writtenBefore = counter(metrics, "meridian.ledger.rows.written");
		long started = System.nanoTime();
		Thread.sleep(Duration.ofSeconds(seconds));
		double writtenAfter = counter(metrics, "meridian.ledger.rows.written");
		double elapsed = (System.nanoTime() - started) / 1e9;
		for (Thread thread : threads) {
			thread.join();
		}
		app.close();

		long stored = count(db, "SELECT count(*) FROM spend_ledger");
		long rolledUp = count(db, "SELECT sum(requests) FROM spend_daily");
		System.out.printf("rows_per_second=%.0f%n", (writtenAfter - writtenBefore) / elapsed);
		System.out.printf("measured_seconds=%.1f%n", elapsed);
		System.out.println("producers=" + producers);
		System.out.println("appended=" + appended.get());
		System.out.println("stored=" + stored);
		System.out.println("rolled_up=" + rolledUp);
		System.out.printf("spilled=%.0f%n", counter(metrics, "meridian.ledger.spilled.rows"));
		System.out.printf("dropped=%.0f%n", counter(metrics, "meridian.ledger.dropped.rows"));
		System.out.println("database=" + db.describe());
		if (stored != appended.get() || rolledUp != stored) {
			System.out.println("error=stored rows or rollups differ from the rows appended");
			System.exit(1);
		}
	}

	private static double counter(MeterRegistry metrics, String name) {
		return metrics.get(name).counter().count();
	}

	private static long count(DatabaseCoordinates db, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
				Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected --name value, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		return options;
	}

	/** Rows as a busy gateway makes them: a few hundred keys in a few teams, a handful of models. */
	private static final class Workload {

		private static final String[] MODELS = { "gpt-4o-mini", "gpt-4o", "claude-sonnet", "gemini-flash", "auto" };

		private final UUID[] keys;

		private final UUID[] teams;

		private final String prefix = UUID.randomUUID().toString().substring(0, 8);

		Workload(int keyCount) {
			keys = new UUID[keyCount];
			teams = new UUID[Math.max(1, keyCount / 20)];
			for (int i = 0; i < teams.length; i++) {
				teams[i] = UUID.randomUUID();
			}
			for (int i = 0; i < keyCount; i++) {
				keys[i] = UUID.randomUUID();
			}
		}

		LedgerEntry next(long n) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int key = random.nextInt(keys.length);
			String model = MODELS[random.nextInt(MODELS.length)];
			boolean smart = model.equals("auto");
			int input = 50 + random.nextInt(2_000);
			int output = random.nextInt(800);
			double cost = (input * 0.15 + output * 0.6) / 1e6;
			int status = random.nextInt(50) == 0 ? 502 : 200;
			return new LedgerEntry(prefix + "-" + n, Instant.now(), keys[key], teams[key % teams.length], "chat", model,
					"openai/" + model, "openai", input, output, 0, cost, smart ? cost * 4 : null,
					20 + random.nextDouble(400), random.nextBoolean() ? 15.0 : null, status,
					status == 200 ? null : "upstream_error", smart ? "simple" : null, false, 0);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
