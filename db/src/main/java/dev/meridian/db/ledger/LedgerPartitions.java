package dev.meridian.db.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monthly partitions of {@code spend_ledger}: a row can only be stored once its month's
 * partition exists. The months known to exist are remembered, so a batch normally costs no extra
 * round trip; a month is only asked for the first time a batch holds one of its rows.
 */
final class LedgerPartitions {

	private static final Logger log = LoggerFactory.getLogger(LedgerPartitions.class);

	private final Set<YearMonth> known = new HashSet<>();

	/** Creates the partitions the rows need that are not known to exist. */
	void ensure(Connection connection, List<LedgerEntry> rows) throws SQLException {
		YearMonth last = null;
		for (LedgerEntry row : rows) {
			YearMonth month = YearMonth.from(row.occurredAt().atOffset(ZoneOffset.UTC));
			if (!month.equals(last) && !known.contains(month)) {
				create(connection, month);
				known.add(month);
			}
			last = month;
		}
	}

	/** After a failure, or when retention may have dropped one, nothing is assumed to exist. */
	void forget() {
		known.clear();
	}

	/** Creates the month's partition unless it exists; returns its name. */
	static String create(Connection connection, YearMonth month) throws SQLException {
		Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		try {
			return call(connection, start);
		}
		catch (SQLException ex) {
			// Another replica may have created it at the same moment; then asking again finds it.
			log.debug("Creating the ledger partition for {} failed once: {}", month, ex.toString());
			return call(connection, start);
		}
	}

	private static String call(Connection connection, Instant at) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT ensure_spend_ledger_partition(?)")) {
			statement.setObject(1, at.atOffset(ZoneOffset.UTC));
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

}
