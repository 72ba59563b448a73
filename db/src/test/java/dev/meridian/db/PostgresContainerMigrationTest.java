package dev.meridian.db;

import dev.meridian.db.routing.RoutingConfigRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations on the PostgreSQL image operators run in production. Needs Docker; without it the
 * test is skipped, and the same migrations are still exercised on the embedded and local servers.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerMigrationTest {

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Test
	void migratesAndServesTheVersionStore() {
		String url = "postgresql://" + postgres.getUsername() + ":" + postgres.getPassword() + "@" + postgres.getHost()
				+ ":" + postgres.getFirstMappedPort() + "/" + postgres.getDatabaseName();
		new ApplicationContextRunner().withUserConfiguration(DatabaseConfiguration.class, RoutingConfigRepository.class)
			.withPropertyValues("meridian.database.url=" + url)
			.run(app -> assertThat(app.getBean(RoutingConfigRepository.class)
				.append("models: []", "e".repeat(64), "api", "ops")
				.block()
				.version()).isEqualTo(1));
	}

}
