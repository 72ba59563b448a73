package dev.meridian.gateway.routing;

import java.nio.file.Files;
import java.time.Duration;

import com.openai.models.models.Model;
import dev.meridian.db.routing.RoutingConfigRepository;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A configuration version stored by anyone (another replica, the admin API) is in force here within a second. */
class RoutingConfigSyncTest extends GatewayIntegrationTest {

	@Autowired
	private RoutingConfigRepository repository;

	@Autowired
	private ActiveRoutingTable active;

	@Test
	void aNewStoredVersionIsPutInForceAndABrokenOneIsNot() throws Exception {
		String original = Files.readString(configFile());
		String extended = original.replace("models:\n", "models:\n  - { name: added-live, provider: mock, model: live }\n");
		int before = active.get().version();
		Provider mock = active.get().providers().get("mock");
		try {
			repository.append(extended, "0".repeat(64), "api", "test").block(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(1)).until(() -> active.get().group("added-live") != null);
			assertThat(openAi().models().list().items().stream().map(Model::id)).contains("added-live", "gpt-4o-mini");
			int good = active.get().version();
			assertThat(good).isGreaterThan(before);
			assertThat(active.get().providers().get("mock")).as("unchanged provider kept with its warm pool")
				.isSameAs(mock);

			repository.append("models: [ { name: broken, provider: nowhere } ]", "1".repeat(64), "api", "test")
				.block(Duration.ofSeconds(10));
			Thread.sleep(500);
			assertThat(active.get().version()).isEqualTo(good);
			assertThat(active.get().group("added-live")).isNotNull();
		}
		finally {
			repository.append(original, "2".repeat(64), "api", "test").block(Duration.ofSeconds(10));
			await().atMost(Duration.ofSeconds(5)).until(() -> active.get().group("added-live") == null);
		}
	}

}
