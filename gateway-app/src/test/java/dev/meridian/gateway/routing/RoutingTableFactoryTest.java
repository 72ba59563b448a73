package dev.meridian.gateway.routing;

import java.time.Duration;
import java.util.Map;

import dev.meridian.gateway.catalog.ModelCatalog;
import dev.meridian.gateway.catalog.ModelCatalogLoader;
import dev.meridian.gateway.config.InvalidRoutingConfigException;
import dev.meridian.gateway.config.RoutingConfig;
import dev.meridian.gateway.config.RoutingConfigParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTableFactoryTest {

	private final RoutingConfigParser parser = new RoutingConfigParser(Map.<String, String>of()::get);

	@Test
	void buildsGroupsWithDefaultsPerProviderType() {
		RoutingTable table = build("""
				providers:
				  openai: { type: openai, api_key: sk }
				  groq: { type: groq, api_key: gsk }
				  ollama: { type: ollama, base_url: "http://localhost:11434" }
				models:
				  - { name: fast, provider: groq, model: llama-3.1-8b-instant }
				  - { name: fast, provider: openai, model: gpt-4o-mini, weight: 3 }
				  - { name: local, provider: ollama, model: "llama3.2:3b" }
				""");

		assertThat(table.modelNames()).containsExactly("fast", "local");
		assertThat(table.group("fast").deployments()).extracting(Deployment::id)
			.containsExactly("groq/llama-3.1-8b-instant", "openai/gpt-4o-mini");
		assertThat(table.providers().get("groq").baseUrl().value()).isEqualTo("https://api.groq.com/openai/v1");
		assertThat(table.providers().get("ollama").baseUrl().resolve("/chat/completions"))
			.isEqualTo("http://localhost:11434/v1/chat/completions");
		assertThat(table.timeouts()).isEqualTo(new RoutingTable.Timeouts(Duration.ofSeconds(600), Duration.ofSeconds(300)));
		table.providers().values().forEach(p -> p.close());
	}

	@Test
	void reportsEveryProblemAtOnce() {
		assertThatThrownBy(() -> build("""
				providers:
				  a: { type: openai_compatible }
				  b: { type: nope }
				  c: { type: openai, base_url: "ftp://x" }
				models:
				  - { provider: a }
				  - { name: m, provider: missing }
				  - { name: m, provider: c, weight: 0 }
				routing: { timeout: soon }
				"""))
			.isInstanceOfSatisfying(InvalidRoutingConfigException.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p).contains("providers.a.base_url is required"))
				.anySatisfy(p -> assertThat(p).contains("providers.b.type: unknown type 'nope'"))
				.anySatisfy(p -> assertThat(p).contains("must start with http"))
				.anySatisfy(p -> assertThat(p).contains("models[0].name is required"))
				.anySatisfy(p -> assertThat(p).contains("models[1].provider: unknown provider 'missing'"))
				.anySatisfy(p -> assertThat(p).contains("routing.timeout: 'soon' is not a duration")));
	}

	@Test
	void bedrockIsAddressedByRegionAndSignsWithTheConfiguredKeys() {
		RoutingTable table = build("""
				providers:
				  aws: { type: bedrock, region: eu-west-1, aws_access_key_id: AKIDEXAMPLE, aws_secret_access_key: secret }
				models:
				  - { name: claude, provider: aws, model: anthropic.claude-3-5-haiku-20241022-v1:0 }
				""");

		assertThat(table.providers().get("aws").baseUrl().value()).isEqualTo("https://bedrock-runtime.eu-west-1.amazonaws.com");
		assertThat(table.providers().get("aws").signer()).isNotNull();
		table.providers().values().forEach(p -> p.close());

		assertThatThrownBy(() -> build("""
				providers:
				  aws: { type: bedrock }
				"""))
			.isInstanceOfSatisfying(InvalidRoutingConfigException.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p).contains("providers.aws.region is required"))
				.anySatisfy(p -> assertThat(p).contains("aws_access_key_id and aws_secret_access_key are required")));
	}

	@Test
	void weightedChoiceFollowsTheWeights() {
		RoutingTable table = build("""
				providers:
				  p: { type: openai }
				models:
				  - { name: m, provider: p, model: one, weight: 1 }
				  - { name: m, provider: p, model: nine, weight: 9 }
				""");
		int nine = 0;
		for (int i = 0; i < 10_000; i++) {
			nine += table.group("m").choose().upstreamModel().equals("nine") ? 1 : 0;
		}
		assertThat(nine).isBetween(8_800, 9_200);
		table.providers().values().forEach(p -> p.close());
	}

	@Test
	void pricesComeFromTheConfigurationFieldByFieldOverTheCatalog() {
		RoutingTable table = build("""
				providers:
				  openai: { type: openai }
				  local: { type: vllm }
				models:
				  - { name: catalog, provider: openai, model: gpt-4o-mini-2024-07-18 }
				  - { name: mixed, provider: openai, model: gpt-4o-mini, output_cost_per_mtok: 1.0 }
				  - { name: unpriced, provider: local, model: my-finetune }
				""");

		assertThat(table.group("catalog").deployments().getFirst().price()).isEqualTo(new ModelPrice(0.15, 0.60, 0.075));
		assertThat(table.group("mixed").deployments().getFirst().price()).isEqualTo(new ModelPrice(0.15, 1.0, 0.075));
		assertThat(table.group("unpriced").deployments().getFirst().price()).isNull();
		table.providers().values().forEach(p -> p.close());
	}

	private RoutingTable build(String yaml) {
		RoutingConfig config = parser.parse(yaml, "test");
		return RoutingTableFactory.build(config, 1, "test", CATALOG);
	}

	private static final ModelCatalog CATALOG = ModelCatalogLoader.load(null);

}
