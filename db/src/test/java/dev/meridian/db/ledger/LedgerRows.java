package dev.meridian.db.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import dev.meridian.db.DatabaseCoordinates;
import org.jspecify.annotations.Nullable;

/** Ledger rows for tests, and plain SQL to look at what was stored. */
final class LedgerRows {

	private LedgerRows() {
	}

	static LedgerEntry row(String requestId, Instant at, @Nullable UUID key, @Nullable UUID team, String model,
			int status, @Nullable Double cost, @Nullable Double baseline) {
		return new LedgerEntry(requestId, at, key, team, "chat", model, "mock/" + model, "mock", 100, 20, 5, cost,
				baseline, 12.5, null, status, status >= 400 ? "upstream_error" : null, baseline == null ? null : "simple",
				false, 0);
	}

	static LedgerEntry row(String requestId, Instant at) {
		return row(requestId, at, null, null, "gpt-4o-mini", 200, 0.001, null);
	}

	static long count(DatabaseCoordinates db, String sql) {
		try (Connection connection = connect(db); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	static BigDecimal decimal(DatabaseCoordinates db, String sql) {
		try (Connection connection = connect(db); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			BigDecimal value = result.getBigDecimal(1);
			return (value == null) ? BigDecimal.ZERO : value.stripTrailingZeros();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	static void execute(DatabaseCoordinates db, String sql) {
		try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	static Connection connect(DatabaseCoordinates db) throws SQLException {
		return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
	}

}
