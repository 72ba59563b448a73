package dev.meridian.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Fresh, empty databases for tests, each on a real PostgreSQL: the server named by
 * {@code MERIDIAN_TEST_DATABASE_URL} when it is set, else one embedded server shared by the test JVM.
 */
public final class TestDatabases {

	public static final String SERVER_URL_VARIABLE = "MERIDIAN_TEST_DATABASE_URL";

	private static DatabaseCoordinates server;

	private static final List<String> created = new ArrayList<>();

	private TestDatabases() {
	}

	/** A {@code postgresql://} URL of a database created just now. */
	public static synchronized String freshDatabaseUrl() {
		DatabaseCoordinates coordinates = server();
		String name = "meridian_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
		try (Connection connection = DriverManager.getConnection(coordinates.jdbcUrl(), coordinates.user(),
				coordinates.password()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
			created.add(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + coordinates.describe(), ex);
		}
		String credentials = coordinates.password().isEmpty() ? coordinates.user()
				: coordinates.user() + ":" + coordinates.password();
		return "postgresql://" + credentials + "@" + coordinates.host() + ":" + coordinates.port() + "/" + name;
	}

	private static DatabaseCoordinates server() {
		if (server == null) {
			String url = System.getenv(SERVER_URL_VARIABLE);
			if (url != null && !url.isBlank()) {
				server = DatabaseCoordinates.parse(url);
				Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated));
			}
			else {
				server = startEmbedded();
			}
		}
		return server;
	}

	/** Leaves a shared server as it was found. */
	private static synchronized void dropCreated() {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
				Statement statement = connection.createStatement()) {
			for (String name : created) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			System.err.println("Could not drop the test databases " + created + ": " + ex.getMessage());
		}
	}

	private static DatabaseCoordinates startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("meridian-test-pg"))
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}));
			return new DatabaseCoordinates("127.0.0.1", postgres.getPort(), "postgres", "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", ex);
		}
	}

}
