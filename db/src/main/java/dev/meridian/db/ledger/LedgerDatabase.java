package dev.meridian.db.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The flusher's session with PostgreSQL: one connection, opened when needed and dropped on any
 * failure so that the next attempt starts clean, with the batch statement prepared once.
 */
final class LedgerDatabase implements AutoCloseable {

	/** PostgreSQL's answer when a row's month has no partition (retention dropped it meanwhile). */
	private static final String NO_PARTITION = "23514";

	/** Deadlock or serialization failure: another transaction was in the way; trying again succeeds. */
	private static final String TRANSACTION_ROLLBACK = "40";

	private final LedgerConnections connections;

	private final LedgerPartitions partitions = new LedgerPartitions();

	private @Nullable Connection connection;

	private @Nullable PreparedStatement insert;

	LedgerDatabase(LedgerConnections connections) {
		this.connections = connections;
	}

	/** Stores the rows not stored yet and rolls them up; returns how many were new. */
	int write(List<LedgerEntry> rows) throws SQLException {
		Connection open = connection();
		try {
			partitions.ensure(open, rows);
			return LedgerBatchInsert.execute(open, insert(open), rows);
		}
		catch (SQLException ex) {
			String state = (ex.getSQLState() == null) ? "" : ex.getSQLState();
			if (NO_PARTITION.equals(state)) {
				partitions.forget();
				partitions.ensure(open, rows);
			}
			else if (!state.startsWith(TRANSACTION_ROLLBACK)) {
				throw ex;
			}
			return LedgerBatchInsert.execute(open, insert(open), rows);
		}
	}

	/** Whether the server answers now, with the ledger in place. */
	boolean reachable() {
		try (Statement statement = connection().createStatement()) {
			statement.execute("SELECT 1 FROM spend_ledger LIMIT 0");
			return true;
		}
		catch (SQLException ex) {
			close();
			return false;
		}
	}

	/**
	 * Whether the server refused these rows for what they hold (a value out of range, a constraint),
	 * as opposed to failing for reasons of its own: such rows would fail again however often tried.
	 */
	static boolean refusesRows(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("22") || state.startsWith("23"));
	}

	/** Drops the connection; the next write opens a new one. */
	@Override
	public void close() {
		partitions.forget();
		Connection open = connection;
		connection = null;
		insert = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (SQLException ex) {
				// The connection is being dropped because it failed; nothing more to do with it.
			}
		}
	}

	private Connection connection() throws SQLException {
		if (connection == null) {
			connection = connections.open();
		}
		return connection;
	}

	private PreparedStatement insert(Connection open) throws SQLException {
		if (insert == null) {
			insert = open.prepareStatement(LedgerBatchInsert.SQL);
		}
		return insert;
	}

}
