package dev.meridian.gateway.routing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.meridian.gateway.catalog.ModelCatalogLoader;
import dev.meridian.gateway.config.RoutingConfigParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How each strategy picks, what a pick avoids, and what it falls back on, with a clock moved by hand. */
class ModelGroupTest {

	private final ManualClock clock = new ManualClock();

	private final DeploymentStates states = new DeploymentStates(clock);

	private RoutingTable table = RoutingTable.EMPTY;

	@AfterEach
	void closePools() {
		table.providers().values().forEach(p -> p.close());
	}

	@Test
	void leastBusyPicksTheDeploymentWithFewestRequestsInFlight() {
		ModelGroup group = group("least_busy", "{ name: m, provider: p, model: a }", "{ name: m, provider: p, model: b }");
		deployment(group, "a").state().started();
		deployment(group, "a").state().started();
		deployment(group, "b").state().started();
		assertThat(group.choose().upstreamModel()).isEqualTo("b");
		deployment(group, "a").state().succeeded(1, 0);
		deployment(group, "a").state().ended();
		assertThat(group.choose().upstreamModel()).isEqualTo("a");
	}

	@Test
	void lowestLatencyTriesEveryDeploymentThenPrefersTheFastest() {
		ModelGroup group = group("lowest_latency", "{ name: m, provider: p, model: a }",
				"{ name: m, provider: p, model: b }");
		succeed(deployment(group, "a"), Duration.ofMillis(50));
		assertThat(group.choose().upstreamModel()).as("b has not been measured").isEqualTo("b");
		succeed(deployment(group, "b"), Duration.ofMillis(200));
		assertThat(group.choose().upstreamModel()).isEqualTo("a");
		for (int i = 0; i < 10; i++) {
			succeed(deployment(group, "a"), Duration.ofMillis(400));
		}
		assertThat(group.choose().upstreamModel()).as("a got slower than b").isEqualTo("b");
	}

	@Test
	void usageBasedSharesByHeadroomAndStopsAtTheLimits() {
		ModelGroup group = group("usage_based", "{ name: m, provider: p, model: small, rpm: 4 }",
				"{ name: m, provider: p, model: large, rpm: 8 }");
		Map<String, Integer> picks = new HashMap<>();
		for (int i = 0; i < 12; i++) {
			Deployment chosen = group.choose(List.of(), 0);
			assertThat(chosen).isNotNull();
			chosen.state().started();
			picks.merge(chosen.upstreamModel(), 1, Integer::sum);
		}
		assertThat(picks).containsEntry("small", 4).containsEntry("large", 8);
		assertThat(group.choose(List.of(), 0)).as("both at their limit").isNull();
		clock.advance(Duration.ofMinutes(1));
		assertThat(group.choose(List.of(), 0)).isNotNull();
	}

	@Test
	void tokensPerMinuteCountToo() {
		ModelGroup group = group("usage_based", "{ name: m, provider: p, model: a, tpm: 1000 }",
				"{ name: m, provider: p, model: b }");
		Deployment a = deployment(group, "a");
		a.state().started();
		a.state().succeeded(1, 1000);
		for (int i = 0; i < 20; i++) {
			assertThat(group.choose().upstreamModel()).isEqualTo("b");
		}
	}

	@Test
	void costBasedPicksTheCheapestAndMovesOnWhileItCoolsDown() {
		ModelGroup group = group("cost_based",
				"{ name: m, provider: p, model: dear, input_cost_per_mtok: 5, output_cost_per_mtok: 15 }",
				"{ name: m, provider: p, model: cheap, input_cost_per_mtok: 0.1, output_cost_per_mtok: 0.4 }",
				"{ name: m, provider: p, model: middle, input_cost_per_mtok: 1, output_cost_per_mtok: 2 }");
		assertThat(group.choose().upstreamModel()).isEqualTo("cheap");
		coolDown(deployment(group, "cheap"));
		assertThat(group.choose().upstreamModel()).isEqualTo("middle");
		clock.advance(Duration.ofSeconds(10));
		coolDown(deployment(group, "middle"));
		assertThat(group.choose().upstreamModel()).isEqualTo("dear");
		coolDown(deployment(group, "dear"));
		assertThat(group.choose().upstreamModel()).as("all cooling: the one back first").isEqualTo("cheap");
		clock.advance(Duration.ofSeconds(20));
		assertThat(group.choose().upstreamModel()).as("half-open again, and the cheapest").isEqualTo("cheap");
	}

	@Test
	void aRetryPrefersADeploymentNotTriedYet() {
		ModelGroup group = group("cost_based", "{ name: m, provider: p, model: a, input_cost_per_mtok: 1 }",
				"{ name: m, provider: p, model: b, input_cost_per_mtok: 2 }");
		Deployment a = deployment(group, "a");
		assertThat(group.choose(List.of(a), 0).upstreamModel()).isEqualTo("b");
		assertThat(group.choose(List.of(a, deployment(group, "b")), 0).upstreamModel()).as("all tried: best again")
			.isEqualTo("a");
	}

	@Test
	void deploymentsWhoseContextWindowIsTooSmallAreNeverPicked() {
		ModelGroup group = group("weighted", "{ name: m, provider: p, model: short, context_window: 4000 }",
				"{ name: m, provider: p, model: long, context_window: 100000 }");
		assertThat(group.smallestContextWindow()).isEqualTo(4000);
		for (int i = 0; i < 20; i++) {
			assertThat(group.choose(List.of(), 50_000).upstreamModel()).isEqualTo("long");
		}
		assertThat(group.fits(50_000)).isTrue();
		assertThat(group.fits(200_000)).isFalse();
	}

	@Test
	void stateOutlivesATableThatKeepsTheDeployment() {
		ModelGroup group = group("weighted", "{ name: m, provider: p, model: a }");
		coolDown(group.deployments().getFirst());
		RoutingTable previous = table;
		ModelGroup rebuilt = group("weighted", "{ name: m, provider: p, model: a }", "{ name: m, provider: p, model: b }");
		previous.providers().values().forEach(p -> p.close());
		assertThat(deployment(rebuilt, "a").state().stateValue()).isEqualTo(2);
		assertThat(deployment(rebuilt, "b").state().stateValue()).isZero();
	}

	private ModelGroup group(String strategy, String... entries) {
		String yaml = "providers:\n  p: { type: openai_compatible, base_url: \"http://127.0.0.1:9/v1\" }\nmodels:\n"
				+ String.join("\n", List.of(entries).stream().map(entry -> "  - " + entry).toList())
				+ "\nrouting: { strategy: " + strategy + " }\n";
		table = RoutingTableFactory.build(new RoutingConfigParser(name -> null).parse(yaml, "test"), 1, "test",
				ModelCatalogLoader.load(null), states);
		return table.group("m");
	}

	private static Deployment deployment(ModelGroup group, String upstreamModel) {
		return group.deployments().stream().filter(d -> d.upstreamModel().equals(upstreamModel)).findFirst().orElseThrow();
	}

	private static void succeed(Deployment deployment, Duration latency) {
		deployment.state().started();
		deployment.state().succeeded(latency.toNanos(), 0);
	}

	private static void coolDown(Deployment deployment) {
		for (int i = 0; i < DeploymentHealth.CONSECUTIVE_FAILURES; i++) {
			deployment.state().started();
			deployment.state().failed(Duration.ofSeconds(30), null);
		}
	}

}
