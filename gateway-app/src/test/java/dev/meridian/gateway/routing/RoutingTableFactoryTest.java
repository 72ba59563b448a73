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

	@Test
	void routingPoliciesApplyPerGroupOverTheDefaults() {
		RoutingTable table = build("""
				providers:
				  openai: { type: openai }
				  anthropic: { type: anthropic }
				models:
				  - { name: gpt-4o, provider: openai, rpm: 500, tpm: 30000 }
				  - { name: gpt-4o-mini, provider: openai }
				  - { name: claude, provider: anthropic, model: claude-sonnet-4-5, context_window: 150000 }
				routing:
				  strategy: cost_based
				  retries: 1
				  timeout: 60s
				  first_byte_timeout: 10s
				  cooldown: 5s
				  fallbacks: { gpt-4o: [claude, gpt-4o-mini] }
				  context_window_fallbacks: { gpt-4o-mini: [claude] }
				  groups: { gpt-4o: { strategy: least_busy, retries: 3, timeout: 120s, first_byte_timeout: 20s } }
				""");

		ModelGroup gpt4o = table.group("gpt-4o");
		assertThat(gpt4o.policy()).isEqualTo(new GroupPolicy(RoutingStrategy.LEAST_BUSY, 3,
				new RoutingTable.Timeouts(Duration.ofSeconds(120), Duration.ofSeconds(20)), Duration.ofSeconds(5)));
		assertThat(table.group("gpt-4o-mini").policy()).isEqualTo(new GroupPolicy(RoutingStrategy.COST_BASED, 1,
				new RoutingTable.Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(10)), Duration.ofSeconds(5)));
		assertThat(gpt4o.fallbacks(FallbackReason.ERROR)).containsExactly("claude", "gpt-4o-mini");
		assertThat(gpt4o.fallbacks(FallbackReason.CONTEXT_WINDOW)).as("defaults to fallbacks")
			.containsExactly("claude", "gpt-4o-mini");
		assertThat(table.group("gpt-4o-mini").fallbacks(FallbackReason.CONTEXT_WINDOW)).containsExactly("claude");
		assertThat(table.group("gpt-4o-mini").fallbacks(FallbackReason.ERROR)).isEmpty();
		assertThat(gpt4o.deployments().getFirst().limits())
			.as("the catalog's context window").isEqualTo(new DeploymentLimits(500, 30000, 128000));
		assertThat(table.group("claude").deployments().getFirst().limits().contextWindow())
			.as("the entry's own").isEqualTo(150000);
		table.providers().values().forEach(p -> p.close());
	}

	@Test
	void routingPoliciesAreCheckedWithWhereEachProblemIs() {
		assertThatThrownBy(() -> build("""
				providers:
				  p: { type: openai }
				models:
				  - { name: a, provider: p, rpm: 0, context_window: -1 }
				  - { name: b, provider: p }
				routing:
				  strategy: fastest
				  retries: -1
				  cooldown: never
				  fallbacks: { a: [b, c, a], z: [a] }
				  content_policy_fallbacks: { b: [y] }
				  groups: { b: { first_byte_timeout: 0s, strategy: random }, q: { retries: 1 } }
				"""))
			.isInstanceOfSatisfying(InvalidRoutingConfigException.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p).contains("models[0].rpm must be a positive integer"))
				.anySatisfy(p -> assertThat(p).contains("models[0].context_window must be a positive integer"))
				.anySatisfy(p -> assertThat(p).contains("routing.strategy: unknown strategy 'fastest'"))
				.anySatisfy(p -> assertThat(p).contains("routing.retries must be between 0 and 10"))
				.anySatisfy(p -> assertThat(p).contains("routing.cooldown: 'never' is not a duration"))
				.anySatisfy(p -> assertThat(p).contains("routing.fallbacks.a[1]: no model is named 'c'"))
				.anySatisfy(p -> assertThat(p).contains("routing.fallbacks.a[2]: a model cannot fall back to itself"))
				.anySatisfy(p -> assertThat(p).contains("routing.fallbacks.z: no model is named 'z'"))
				.anySatisfy(p -> assertThat(p).contains("routing.content_policy_fallbacks.b[0]: no model is named 'y'"))
				.anySatisfy(p -> assertThat(p).contains("routing.groups.b.first_byte_timeout must be positive"))
				.anySatisfy(p -> assertThat(p).contains("routing.groups.b.strategy: unknown strategy 'random'"))
				.anySatisfy(p -> assertThat(p).contains("routing.groups.q: no model is named 'q'")));
	}

	private RoutingTable build(String yaml) {
		RoutingConfig config = parser.parse(yaml, "test");
		return RoutingTableFactory.build(config, 1, "test", CATALOG, new DeploymentStates());
	}

	private static final ModelCatalog CATALOG = ModelCatalogLoader.load(null);

}
