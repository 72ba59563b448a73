package dev.meridian.gateway.routing;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.TestDatabases;
import dev.meridian.db.governance.CredentialCipher;
import dev.meridian.db.governance.ProviderCredentialRepository;
import dev.meridian.db.governance.ProviderCredentials;
import dev.meridian.db.routing.RoutingConfigRepository;
import dev.meridian.gateway.GatewayProperties;
import dev.meridian.gateway.config.InvalidRoutingConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration file seeds versioned storage; the newest stored version is the one in force. */
class RoutingConfigBootstrapTest {

	private static final String ONE_MODEL = """
			providers:
			  p: { type: openai, api_key: k }
			models:
			  - { name: first, provider: p }
			""";

	@TempDir
	Path dir;

	private final String databaseUrl = TestDatabases.freshDatabaseUrl();

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatewayProperties.class)
	static class Bootstrap {

	}

	private ApplicationContextRunner gateway(Path config) {
		return new ApplicationContextRunner()
			.withUserConfiguration(Bootstrap.class, DatabaseConfiguration.class, RoutingConfigRepository.class,
					ProviderCredentialRepository.class, CredentialCipher.class, ProviderCredentials.class,
					DeploymentStates.class, ActiveRoutingTable.class, RoutingConfigBootstrap.class)
			.withPropertyValues("meridian.database.url=" + databaseUrl, "meridian.config=" + config);
	}

	@Test
	void importsTheFileOnceAndAgainOnlyWhenItChanges() throws Exception {
		Path config = Files.writeString(dir.resolve("config.yaml"), ONE_MODEL);
		gateway(config).run(app -> assertThat(table(app)).satisfies(table -> {
			assertThat(table.version()).isEqualTo(1);
			assertThat(table.modelNames()).containsExactly("first");
		}));
		gateway(config).run(app -> assertThat(table(app).version()).isEqualTo(1));

		Files.writeString(config, ONE_MODEL + "  - { name: second, provider: p }\n");
		gateway(config).run(app -> assertThat(table(app)).satisfies(table -> {
			assertThat(table.version()).isEqualTo(2);
			assertThat(table.modelNames()).containsExactly("first", "second");
		}));
	}

	@Test
	void aVersionSavedElsewhereSurvivesARestartWithAnUnchangedFile() throws Exception {
		Path config = Files.writeString(dir.resolve("config.yaml"), ONE_MODEL);
		gateway(config).run(app -> app.getBean(RoutingConfigRepository.class)
			.append(ONE_MODEL.replace("first", "edited"), "f".repeat(64), "console", "admin@example.com")
			.block());

		gateway(config).run(app -> assertThat(table(app)).satisfies(table -> {
			assertThat(table.version()).isEqualTo(2);
			assertThat(table.modelNames()).containsExactly("edited");
		}));
	}

	@Test
	void anInvalidFileStopsTheStartAndIsNeverStored() throws Exception {
		Path config = Files.writeString(dir.resolve("config.yaml"), ONE_MODEL);
		gateway(config).run(app -> assertThat(table(app).version()).isEqualTo(1));

		Files.writeString(config, "models:\n  - { name: broken, provider: nowhere }\n");
		gateway(config).run(app -> assertThat(app).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(InvalidRoutingConfigException.class)
			.hasMessageContaining("unknown provider 'nowhere'"));

		Files.delete(config);
		gateway(config).run(app -> assertThat(table(app).modelNames()).containsExactly("first"));
	}

	private static RoutingTable table(org.springframework.context.ApplicationContext app) {
		return app.getBean(ActiveRoutingTable.class).get();
	}

}
