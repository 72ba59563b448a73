package dev.meridian.db.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.meridian.db.DatabaseServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Once a day: creates next month's ledger partition before the first row needs it, and, when
 * {@code meridian.ledger.retention-months} is set, detaches and drops the monthly partitions whose
 * every row is older than that. The daily rollups are kept, so dashboards and budgets still see the
 * totals of dropped months. With several replicas, one does the dropping at a time.
 */
@Component
@EnableConfigurationProperties(LedgerProperties.class)
public class SpendLedgerMaintenance implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SpendLedgerMaintenance.class);

	private static final Pattern MONTHLY_PARTITION = Pattern.compile("spend_ledger_(\\d{4})_(\\d{2})");

	/** Taken while dropping partitions, so that two replicas never detach the same one. */
	private static final long RETENTION_LOCK = 0x4d_65_72_69_64_69_61_6eL;

	/** The first run waits until the gateway has started and served a while. */
	private static final long FIRST_RUN_DELAY_MINUTES = 1;

	private final LedgerConnections connections;

	private final @Nullable Integer retentionMonths;

	private @Nullable ScheduledExecutorService scheduler;

	public SpendLedgerMaintenance(DatabaseServer server, LedgerProperties properties) {
		this.connections = new LedgerConnections(server.coordinates(), "meridian-ledger-maintenance");
		this.retentionMonths = properties.retentionMonths();
	}

	/** One run as of {@code now}; returns the partitions dropped. */
	public List<String> maintain(Instant now) throws SQLException {
		YearMonth thisMonth = YearMonth.from(now.atOffset(ZoneOffset.UTC));
		try (Connection connection = connections.open()) {
			LedgerPartitions.create(connection, thisMonth);
			LedgerPartitions.create(connection, thisMonth.plusMonths(1));
			return (retentionMonths == null) ? List.of() : dropOlderThan(connection, now, retentionMonths);
		}
	}

	private static List<String> dropOlderThan(Connection connection, Instant now, int months) throws SQLException {
		Instant cutoff = now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
		List<String> dropped = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			if (!locked(statement, "SELECT pg_try_advisory_lock(" + RETENTION_LOCK + ")")) {
				return dropped;
			}
			try {
				for (Partition partition : partitions(statement)) {
					Instant end = partition.month().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
					if (!end.isAfter(cutoff)) {
						// Concurrently: rows keep being written and read meanwhile; a detach cut short is finished.
						statement.execute("ALTER TABLE spend_ledger DETACH PARTITION " + partition.name()
								+ (partition.detachPending() ? " FINALIZE" : " CONCURRENTLY"));
						statement.execute("DROP TABLE " + partition.name());
						dropped.add(partition.name());
						log.info("Spend ledger: dropped partition {} (rows before {}; meridian.ledger.retention-months={})",
								partition.name(), end, months);
					}
				}
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(" + RETENTION_LOCK + ")");
			}
		}
		return dropped;
	}

	private static boolean locked(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			return result.next() && result.getBoolean(1);
		}
	}

	private static List<Partition> partitions(Statement statement) throws SQLException {
		List<Partition> partitions = new ArrayList<>();
		try (ResultSet result = statement.executeQuery("SELECT c.relname, i.inhdetachpending FROM pg_inherits i"
				+ " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'spend_ledger'::regclass ORDER BY 1")) {
			while (result.next()) {
				Matcher name = MONTHLY_PARTITION.matcher(result.getString(1));
				if (name.matches()) {
					partitions.add(new Partition(name.group(), YearMonth.of(Integer.parseInt(name.group(1)),
							Integer.parseInt(name.group(2))), result.getBoolean(2)));
				}
			}
		}
		return partitions;
	}

	private void runNow() {
		try {
			maintain(Instant.now());
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Spend ledger: daily partition maintenance failed; it runs again tomorrow: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("meridian-ledger-maintenance").daemon().factory());
		scheduler.scheduleWithFixedDelay(this::runNow, TimeUnit.MINUTES.toSeconds(FIRST_RUN_DELAY_MINUTES),
				TimeUnit.DAYS.toSeconds(1), TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

	@Override
	public int getPhase() {
		return SpendLedgerWriter.PHASE;
	}

	private record Partition(String name, YearMonth month, boolean detachPending) {
	}

}
