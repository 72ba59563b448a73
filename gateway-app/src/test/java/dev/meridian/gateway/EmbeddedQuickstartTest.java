package dev.meridian.gateway;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.meridian.MeridianApplication;
import dev.meridian.gateway.routing.ActiveRoutingTable;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The laptop quick start: the whole gateway with no database configured starts its own
 * PostgreSQL in the data directory, proxies a request, and finds its data again after a restart.
 */
class EmbeddedQuickstartTest {

	private static final OpenAiMockServer upstream = new OpenAiMockServer();

	@TempDir
	Path dir;

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@Test
	void runsOnAnEmbeddedDatabaseThatSurvivesRestarts() throws Exception {
		Path config = Files.writeString(dir.resolve("config.yaml"), """
				providers:
				  local: { type: openai_compatible, base_url: "%s" }
				models:
				  - { name: gpt-4o-mini, provider: local }
				""".formatted(upstream.baseUrl()));

		try (ConfigurableApplicationContext gateway = start(config)) {
			assertThat(gateway.getBean(ActiveRoutingTable.class).get().version()).isEqualTo(1);
			HttpResponse<String> response = TestHttp.client().send(TestHttp
				.request("http://127.0.0.1:" + port(gateway) + "/v1/chat/completions")
				.header("Authorization", "Bearer sk-laptop")
				.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains(OpenAiMockServer.REPLY);
		}
		assertThat(dir.resolve("data/postgres/PG_VERSION")).exists();

		try (ConfigurableApplicationContext restarted = start(config)) {
			assertThat(restarted.getBean(ActiveRoutingTable.class).get().version())
				.as("the unchanged file is not imported again: version 1 came back from the database")
				.isEqualTo(1);
			assertThat(restarted.getBean(ActiveRoutingTable.class).get().modelNames()).containsExactly("gpt-4o-mini");
		}
	}

	private ConfigurableApplicationContext start(Path config) {
		return new SpringApplicationBuilder(MeridianApplication.class).run("--server.port=0",
				"--meridian.config=" + config, "--meridian.data-dir=" + dir.resolve("data"),
				"--meridian.master-key=sk-laptop");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
