package dev.meridian.gateway.routing;

import java.util.Map;

import dev.meridian.gateway.catalog.ModelCatalog;
import dev.meridian.gateway.catalog.ModelCatalogLoader;
import dev.meridian.gateway.config.InvalidRoutingConfigException;
import dev.meridian.gateway.config.RoutingConfigParser;
import dev.meridian.gateway.routing.smart.Feature;
import dev.meridian.gateway.routing.smart.SmartRouter;
import dev.meridian.gateway.routing.smart.Tier;
import dev.meridian.gateway.routing.smart.TierBoundaries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@code routing.smart} is read, checked against the configured models, and put on the routing table. */
class SmartRoutingSettingsTest {

	private static final String MODELS = """
			providers:
			  openai: { type: openai, api_key: sk }
			models:
			  - { name: mini, provider: openai, model: gpt-4o-mini, input_cost_per_mtok: 0.15, output_cost_per_mtok: 0.60 }
			  - { name: big, provider: openai, model: gpt-4o, weight: 3, input_cost_per_mtok: 2.0, output_cost_per_mtok: 8.0 }
			  - { name: big, provider: openai, model: gpt-4o-2, weight: 1, input_cost_per_mtok: 6.0, output_cost_per_mtok: 16.0 }
			  - { name: o3, provider: openai }
			""";

	private final RoutingConfigParser parser = new RoutingConfigParser(Map.<String, String>of()::get);

	private final ModelCatalog catalog = ModelCatalogLoader.load(null);

	@Test
	void readsTheDocumentedSection() {
		RoutingTable table = build(MODELS + """
				routing:
				  smart:
				    model: smart
				    tiers: { simple: mini, complex: big, reasoning: o3 }
				    baseline: big
				    weights: { code_cues: 2.5, simple_cues: -2 }
				    cues: { reasoning: [ "prove", "walk me through*" ] }
				    boundaries: { medium: 0.5, complex: 2 }
				""");

		SmartRouter router = table.smart().router();
		assertThat(router.model()).isEqualTo("smart");
		assertThat(router.tierModels()).containsEntry(Tier.SIMPLE, "mini")
			.as("a tier without a model is served by the next tier up")
			.containsEntry(Tier.MEDIUM, "big")
			.containsEntry(Tier.COMPLEX, "big")
			.containsEntry(Tier.REASONING, "o3");
		assertThat(router.baseline()).isEqualTo("big");
		assertThat(router.classifier().weight(Feature.CODE_CUES)).isEqualTo(2.5);
		assertThat(router.classifier().weight(Feature.SIMPLE_CUES)).isEqualTo(-2);
		assertThat(router.classifier().weight(Feature.MATH)).isEqualTo(Feature.MATH.defaultWeight());
		assertThat(router.classifier().boundaries())
			.isEqualTo(new TierBoundaries(0.5, 2, TierBoundaries.DEFAULT.reasoning()));
		assertThat(router.classifier().classify("{\"messages\":[{\"role\":\"user\",\"content\":\"Walk me through it\"}]}"
			.getBytes()).value(Feature.REASONING_CUES)).isEqualTo(1);
		assertThat(table.smart().baselinePrice().inputPerMtok()).as("weighted like the group's traffic, 3:1")
			.isCloseTo(3.0, within(1e-9));
		assertThat(table.smart().baselinePrice().outputPerMtok()).isCloseTo(10.0, within(1e-9));
		assertThat(table.withVersion(7).smart()).isSameAs(table.smart());
		close(table);
	}

	@Test
	void theModelDefaultsToAutoAndTheBaselineIsOptional() {
		RoutingTable table = build(MODELS + "routing: { smart: { tiers: { simple: mini, reasoning: o3 } } }\n");

		assertThat(table.smart().router().model()).isEqualTo("auto");
		assertThat(table.smart().router().modelFor(Tier.COMPLEX)).isEqualTo("o3");
		assertThat(table.smart().baselinePrice()).isNull();
		close(table);
	}

	@Test
	void withoutTheSectionThereIsNoSmartRouting() {
		RoutingTable table = build(MODELS);

		assertThat(table.smart()).isNull();
		close(table);
	}

	@Test
	void reportsEveryProblemWithWhereItIs() {
		assertThatThrownBy(() -> build(MODELS + """
				routing:
				  smart:
				    model: mini
				    tiers: { simple: nano, huge: big }
				    baseline: gpt-5
				    weights: { vibes: 1 }
				    cues: { sarcasm: [ "sure" ], code: [ "" ] }
				    boundaries: { medium: 3, complex: 2 }
				"""))
			.isInstanceOfSatisfying(InvalidRoutingConfigException.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p).contains("routing.smart.model: 'mini' is also the name of a configured model"))
				.anySatisfy(p -> assertThat(p).contains("routing.smart.tiers.simple: unknown model 'nano'"))
				.anySatisfy(p -> assertThat(p).contains("routing.smart.tiers.huge: unknown tier"))
				.anySatisfy(p -> assertThat(p).contains("routing.smart.baseline: unknown model 'gpt-5'"))
				.anySatisfy(p -> assertThat(p).contains("routing.smart.weights.vibes: unknown feature").contains("code_cues"))
				.anySatisfy(p -> assertThat(p).contains("routing.smart.cues.sarcasm: unknown kind of cue"))
				.anySatisfy(p -> assertThat(p).contains("routing.smart.cues.code[0] must be a word or phrase"))
				.anySatisfy(p -> assertThat(p).contains("routing.smart.boundaries must increase")));
	}

	@Test
	void tiersAreRequired() {
		assertThatThrownBy(() -> build(MODELS + "routing: { smart: { model: auto } }\n"))
			.isInstanceOfSatisfying(InvalidRoutingConfigException.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p).contains("routing.smart.tiers is required")));
	}

	@Test
	void unknownKeysAndWrongTypesAreRejectedByTheParser() {
		assertThatThrownBy(() -> parser.parse(MODELS + "routing: { smart: { tiers: { simple: mini }, modle: x } }\n",
				"config.yaml"))
			.isInstanceOf(InvalidRoutingConfigException.class)
			.hasMessageContaining("modle");
		assertThatThrownBy(() -> parser.parse(MODELS + "routing: { smart: { weights: { math: lots } } }\n", "config.yaml"))
			.isInstanceOf(InvalidRoutingConfigException.class)
			.hasMessageContaining("routing.smart.weights");
	}

	private RoutingTable build(String yaml) {
		return RoutingTableFactory.build(parser.parse(yaml, "test"), 1, "test", catalog, new DeploymentStates());
	}

	private static void close(RoutingTable table) {
		table.providers().values().forEach(provider -> provider.close());
	}

}
