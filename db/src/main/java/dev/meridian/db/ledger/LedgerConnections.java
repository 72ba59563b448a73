package dev.meridian.db.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import dev.meridian.db.DatabaseCoordinates;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Plain JDBC connections for the ledger's own threads. Batches are written by one thread that may
 * block, so a dedicated JDBC connection is simpler and faster there than the shared reactive pool;
 * the timeouts make an unreachable or hung server an error instead of a stuck thread.
 */
final class LedgerConnections {

	private static final int CONNECT_TIMEOUT_SECONDS = 5;

	/** Far above any batch's time on a healthy server, low enough to notice a silent network. */
	private static final int SOCKET_TIMEOUT_SECONDS = 60;

	private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

	LedgerConnections(DatabaseCoordinates coordinates, String applicationName) {
		dataSource.setUrl(coordinates.jdbcUrl());
		dataSource.setUser(coordinates.user());
		dataSource.setPassword(coordinates.password());
		dataSource.setApplicationName(applicationName);
		dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
		dataSource.setLoginTimeout(CONNECT_TIMEOUT_SECONDS * 2);
		dataSource.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
		dataSource.setTcpKeepAlive(true);
	}

	Connection open() throws SQLException {
		return dataSource.getConnection();
	}

}
