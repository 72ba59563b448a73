package dev.meridian.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with {@code db/migration} before anything reads it. */
final class DatabaseMigrations {

	private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);

	private DatabaseMigrations() {
	}

	static void migrate(DatabaseCoordinates coordinates) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(coordinates.jdbcUrl());
		dataSource.setUser(coordinates.user());
		dataSource.setPassword(coordinates.password());
		MigrateResult result = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.load()
			.migrate();
		log.info("Database schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
				result.migrationsExecuted);
	}

}
