package dev.meridian.db;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Meridian uses: the external one named by {@code meridian.database.url},
 * or an embedded one it owns and stops on shutdown.
 */
public final class DatabaseServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

	private final DatabaseCoordinates coordinates;

	private final @Nullable EmbeddedDatabase embedded;

	private final AtomicBoolean closed = new AtomicBoolean();

	private DatabaseServer(DatabaseCoordinates coordinates, @Nullable EmbeddedDatabase embedded) {
		this.coordinates = coordinates;
		this.embedded = embedded;
	}

	public static DatabaseServer open(DatabaseProperties properties) {
		String url = properties.database().url();
		if (url == null || url.isBlank()) {
			EmbeddedDatabase embedded = EmbeddedDatabase.start(properties.dataDir());
			return new DatabaseServer(embedded.coordinates(), embedded);
		}
		DatabaseCoordinates external = DatabaseCoordinates.parse(url);
		log.info("Database: external PostgreSQL at {}", external.describe());
		return new DatabaseServer(external, null);
	}

	/** Brings the schema up to date; returns this server, ready for use. */
	DatabaseServer migrated() {
		DatabaseMigrations.migrate(coordinates);
		return this;
	}

	public DatabaseCoordinates coordinates() {
		return coordinates;
	}

	/** Stops an embedded server; safe to call more than once. */
	@Override
	public void close() throws IOException {
		if (embedded != null && closed.compareAndSet(false, true)) {
			embedded.close();
		}
	}

}
