package dev.meridian.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the binaries on the classpath, keeping its files in the data
 * directory so that keys, spend and configuration survive a restart. Used when no external
 * database is configured, so that {@code java -jar} works with nothing else installed.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedDatabase start(Path dataDir) {
		Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
		try {
			Files.createDirectories(pgData);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.start();
			log.info("Database: embedded PostgreSQL in {} on 127.0.0.1:{} (set MERIDIAN_DATABASE_URL to use an external one)",
					pgData, postgres.getPort());
			return new EmbeddedDatabase(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, ex);
		}
	}

	public DatabaseCoordinates coordinates() {
		return new DatabaseCoordinates("127.0.0.1", postgres.getPort(), "postgres", "postgres", "");
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

}
