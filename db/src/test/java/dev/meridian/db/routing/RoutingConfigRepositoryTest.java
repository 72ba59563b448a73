package dev.meridian.db.routing;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The version store on a real, freshly migrated PostgreSQL database. */
class RoutingConfigRepositoryTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(DatabaseConfiguration.class, RoutingConfigRepository.class)
		.withPropertyValues("meridian.database.url=" + TestDatabases.freshDatabaseUrl());

	@Test
	void appendsVersionsAndFindsTheNewestOverallAndPerSource() {
		context.run(app -> {
			RoutingConfigRepository repository = app.getBean(RoutingConfigRepository.class);
			StepVerifier.create(repository.latest()).verifyComplete();

			StepVerifier.create(repository.append("models: []", "a".repeat(64), "file", null))
				.assertNext(version -> {
					assertThat(version.version()).isEqualTo(1);
					assertThat(version.source()).isEqualTo("file");
					assertThat(version.createdBy()).isNull();
				})
				.verifyComplete();
			StepVerifier.create(repository.append("models: [x]", "b".repeat(64), "console", "admin@example.com"))
				.assertNext(version -> assertThat(version.version()).isEqualTo(2))
				.verifyComplete();

			StepVerifier.create(repository.latest())
				.assertNext(version -> assertThat(version.content()).isEqualTo("models: [x]"))
				.verifyComplete();
			StepVerifier.create(repository.latestFrom("file"))
				.assertNext(version -> assertThat(version.contentSha256()).isEqualTo("a".repeat(64)))
				.verifyComplete();
		});
	}

	@Test
	void refusesAnUnknownSource() {
		context.run(app -> StepVerifier.create(app.getBean(RoutingConfigRepository.class).append("x", "c".repeat(64), "nope", null))
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("routing_config_version_source_check"))
			.verify());
	}

}
