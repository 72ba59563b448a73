package dev.meridian.gateway.routing.smart;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order in which the header, the key's policy and the classifier decide the tier. */
class SmartRouterTest {

	private static final byte[] HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"hello!\"}]}".getBytes();

	private final SmartRouter router = new SmartRouter("auto", Map.of(Tier.SIMPLE, "mini", Tier.COMPLEX, "big",
			Tier.REASONING, "o3"), "big", PromptClassifier.DEFAULT);

	@Test
	void theClassifierDecidesWhenNothingElseDoes() {
		RouteDecision decision = router.route(HELLO, null, TierPolicy.NONE);

		assertThat(decision.tier()).isEqualTo(Tier.SIMPLE);
		assertThat(decision.model()).isEqualTo("mini");
		assertThat(decision.reason()).isEqualTo(RouteDecision.Reason.CLASSIFIED);
		assertThat(decision.classification()).isNotNull();
	}

	@Test
	void theRequestedTierWinsWithoutReadingTheBody() {
		RouteDecision decision = router.route("not json".getBytes(), Tier.REASONING, TierPolicy.NONE);

		assertThat(decision.tier()).isEqualTo(Tier.REASONING);
		assertThat(decision.model()).isEqualTo("o3");
		assertThat(decision.reason()).isEqualTo(RouteDecision.Reason.REQUESTED);
		assertThat(decision.classification()).isNull();
	}

	@Test
	void theKeysDefaultTierReplacesTheClassifier() {
		RouteDecision decision = router.route(HELLO, null, new TierPolicy(Tier.MEDIUM, null));

		assertThat(decision.tier()).isEqualTo(Tier.MEDIUM);
		assertThat(decision.model()).as("medium is served by the next tier up").isEqualTo("big");
		assertThat(decision.reason()).isEqualTo(RouteDecision.Reason.KEY_DEFAULT);
		assertThat(router.route(HELLO, Tier.SIMPLE, new TierPolicy(Tier.MEDIUM, null)).tier())
			.as("the request's own choice comes first").isEqualTo(Tier.SIMPLE);
	}

	@Test
	void theKeysMinimumIsAFloorForEverySource() {
		TierPolicy floor = new TierPolicy(null, Tier.COMPLEX);

		assertThat(router.route(HELLO, null, floor).tier()).isEqualTo(Tier.COMPLEX);
		assertThat(router.route(HELLO, null, floor).reason()).isEqualTo(RouteDecision.Reason.KEY_MINIMUM);
		assertThat(router.route(HELLO, Tier.SIMPLE, floor).tier()).isEqualTo(Tier.COMPLEX);
		assertThat(router.route(HELLO, Tier.REASONING, floor).tier()).isEqualTo(Tier.REASONING);
		assertThat(router.route(HELLO, Tier.REASONING, floor).reason()).isEqualTo(RouteDecision.Reason.REQUESTED);
	}

	@Test
	void missingTiersInheritFromAboveThenBelow() {
		SmartRouter onlySimple = new SmartRouter("auto", Map.of(Tier.SIMPLE, "mini"), null, PromptClassifier.DEFAULT);

		assertThat(onlySimple.tierModels()).containsOnly(Map.entry(Tier.SIMPLE, "mini"), Map.entry(Tier.MEDIUM, "mini"),
				Map.entry(Tier.COMPLEX, "mini"), Map.entry(Tier.REASONING, "mini"));
		assertThatThrownBy(() -> new SmartRouter("auto", Map.of(), null, PromptClassifier.DEFAULT))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void tierNamesAreReadCaseInsensitively() {
		assertThat(Tier.fromName(" Reasoning ")).isEqualTo(Tier.REASONING);
		assertThat(Tier.fromName("huge")).isNull();
		assertThat(Tier.configNames()).containsExactly("simple", "medium", "complex", "reasoning");
	}

}
