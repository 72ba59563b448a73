package dev.meridian.gateway.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingConfigParserTest {

	private final RoutingConfigParser parser = new RoutingConfigParser(Map.of("OPENAI_API_KEY", "sk-from-env")::get);

	@Test
	void readsTheDocumentedFormat() {
		RoutingConfig config = parser.parse("""
				providers:
				  openai: { type: openai, api_key: ${OPENAI_API_KEY} }
				  local: { type: vllm, base_url: "http://gpu-box:8000", api_key: "${VLLM_KEY:-none}" }
				models:
				  - name: gpt-4o-mini
				    provider: openai
				    model: gpt-4o-mini
				    weight: 2
				    rpm: 500
				    input_cost_per_mtok: 0.15
				    output_cost_per_mtok: 0.60
				routing:
				  strategy: weighted
				  timeout: 600s
				  first_byte_timeout: 30s
				  fallbacks: { gpt-4o: [gpt-4o-mini] }
				  smart: { model: auto, tiers: { simple: gpt-4o-mini } }
				cache:
				  exact: { enabled: true, ttl: 1h }
				""", "test");

		assertThat(config.providers().get("openai").apiKey()).isEqualTo("sk-from-env");
		assertThat(config.providers().get("local").apiKey()).isEqualTo("none");
		assertThat(config.models().getFirst().weight()).isEqualTo(2);
		assertThat(config.models().getFirst().inputCostPerMtok()).isEqualTo(0.15);
		assertThat(config.routing().firstByteTimeout()).isEqualTo("30s");
		assertThat(config.routing().fallbacks()).containsEntry("gpt-4o", java.util.List.of("gpt-4o-mini"));
		assertThat(config.cache()).isNotNull();
	}

	@Test
	void anEmptyDocumentIsAnEmptyConfiguration() {
		assertThat(parser.parse("", "test")).isEqualTo(RoutingConfig.EMPTY);
		assertThat(parser.parse("# nothing yet\n", "test").models()).isEmpty();
	}

	@Test
	void aSecretCannotChangeTheDocumentsStructure() {
		RoutingConfigParser tricky = new RoutingConfigParser(Map.of("KEY", "x\nmodels: [oops]")::get);
		RoutingConfig config = tricky.parse("providers:\n  p: { type: openai, api_key: ${KEY} }\n", "test");

		assertThat(config.providers().get("p").apiKey()).isEqualTo("x\nmodels: [oops]");
		assertThat(config.models()).isEmpty();
	}

	@Test
	void typosAndWrongTypesAreErrorsThatSayWhere() {
		assertThatThrownBy(() -> parser.parse("models:\n  - { name: a, provider: p, wieght: 2 }\n", "config.yaml"))
			.isInstanceOf(InvalidRoutingConfigException.class)
			.hasMessageContaining("config.yaml")
			.hasMessageContaining("wieght");
		assertThatThrownBy(() -> parser.parse("models:\n  - { name: a, weight: heavy }\n", "config.yaml"))
			.isInstanceOf(InvalidRoutingConfigException.class)
			.hasMessageContaining("models[0]");
		assertThatThrownBy(() -> parser.parse("models: [\n", "config.yaml"))
			.isInstanceOf(InvalidRoutingConfigException.class)
			.hasMessageContaining("line");
	}

}
