package dev.meridian.gateway.routing;

import java.time.Duration;

import dev.meridian.gateway.routing.DeploymentHealth.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentHealthTest {

	private static final Duration COOLDOWN = Duration.ofSeconds(30);

	private final ManualClock clock = new ManualClock();

	private final DeploymentHealth health = new DeploymentHealth("p/m", clock);

	@Test
	void threeFailuresInARowCoolItDownThenOneProbeDecides() {
		health.failed(COOLDOWN, null);
		health.failed(COOLDOWN, null);
		assertThat(health.state()).isEqualTo(State.HEALTHY);
		health.failed(COOLDOWN, null);
		assertThat(health.state()).isEqualTo(State.COOLING_DOWN);
		assertThat(health.admits(COOLDOWN)).isFalse();

		clock.advance(Duration.ofSeconds(29));
		assertThat(health.state()).isEqualTo(State.COOLING_DOWN);
		clock.advance(Duration.ofSeconds(1));
		assertThat(health.state()).isEqualTo(State.HALF_OPEN);
		assertThat(health.admits(COOLDOWN)).isTrue();

		health.picked(COOLDOWN);
		assertThat(health.admits(COOLDOWN)).as("one probe at a time").isFalse();
		health.succeeded();
		assertThat(health.state()).isEqualTo(State.HEALTHY);
		assertThat(health.admits(COOLDOWN)).isTrue();
	}

	@Test
	void aFailedProbeStartsAnotherCooldown() {
		for (int i = 0; i < 3; i++) {
			health.failed(COOLDOWN, null);
		}
		clock.advance(COOLDOWN);
		health.picked(COOLDOWN);
		health.failed(COOLDOWN, null);
		assertThat(health.state()).isEqualTo(State.COOLING_DOWN);
		assertThat(health.coolingNanosLeft()).isEqualTo(COOLDOWN.toNanos());
	}

	@Test
	void aCancelledProbeFreesTheProbeAndALostOneExpires() {
		for (int i = 0; i < 3; i++) {
			health.failed(COOLDOWN, null);
		}
		clock.advance(COOLDOWN);
		health.picked(COOLDOWN);
		health.released();
		assertThat(health.admits(COOLDOWN)).isTrue();

		health.picked(COOLDOWN);
		assertThat(health.admits(COOLDOWN)).isFalse();
		clock.advance(COOLDOWN.plusMillis(1));
		assertThat(health.admits(COOLDOWN)).as("a probe that never came back").isTrue();
	}

	@Test
	void halfOfFiveOrMoreRecentRequestsFailingCoolsItDown() {
		health.succeeded();
		health.failed(COOLDOWN, null);
		health.succeeded();
		health.failed(COOLDOWN, null);
		assertThat(health.state()).as("four requests are too few to judge").isEqualTo(State.HEALTHY);
		health.failed(COOLDOWN, null);
		assertThat(health.state()).isEqualTo(State.COOLING_DOWN);
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		health.succeeded();
		health.failed(COOLDOWN, null);
		health.succeeded();
		health.failed(COOLDOWN, null);
		clock.advance(Duration.ofSeconds(40));
		health.succeeded();
		health.succeeded();
		health.failed(COOLDOWN, null);
		assertThat(health.state()).isEqualTo(State.HEALTHY);
	}

	@Test
	void aRetryAfterCoolsItDownForThatLongAtOnce() {
		health.failed(COOLDOWN, Duration.ofSeconds(2));
		assertThat(health.state()).isEqualTo(State.COOLING_DOWN);
		clock.advance(Duration.ofSeconds(2));
		assertThat(health.state()).isEqualTo(State.HALF_OPEN);
	}

	@Test
	void aShorterRetryAfterDoesNotCutACooldownShort() {
		for (int i = 0; i < 3; i++) {
			health.failed(COOLDOWN, null);
		}
		health.failed(COOLDOWN, Duration.ofSeconds(1));
		assertThat(health.coolingNanosLeft()).isEqualTo(COOLDOWN.toNanos());
	}

}
