package dev.meridian.db;

import java.nio.file.Path;

import dev.meridian.db.routing.RoutingConfigRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** With no database URL, Meridian runs its own PostgreSQL, whose data outlives the process. */
class EmbeddedDatabaseTest {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner context() {
		return new ApplicationContextRunner()
			.withUserConfiguration(DatabaseConfiguration.class, RoutingConfigRepository.class)
			.withPropertyValues("meridian.data-dir=" + dataDir);
	}

	@Test
	void startsMigratesAndKeepsDataAcrossRestarts() {
		context().run(app -> {
			assertThat(app.getBean(DatabaseServer.class).coordinates().host()).isEqualTo("127.0.0.1");
			app.getBean(RoutingConfigRepository.class).append("models: []", "d".repeat(64), "file", null).block();
		});
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

		context().run(app -> assertThat(app.getBean(RoutingConfigRepository.class).latest().block())
			.satisfies(version -> {
				assertThat(version.version()).isEqualTo(1);
				assertThat(version.content()).isEqualTo("models: []");
			}));
	}

}
