package dev.meridian.gateway.governance.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reset durations are written the way OpenAI writes them. */
class RateLimitHeadersTest {

	@Test
	void durationsUseOpenAisNotation() {
		assertThat(RateLimitHeaders.duration(Duration.ZERO)).isEqualTo("0s");
		assertThat(RateLimitHeaders.duration(Duration.ofMillis(12))).isEqualTo("12ms");
		assertThat(RateLimitHeaders.duration(Duration.ofSeconds(1))).isEqualTo("1s");
		assertThat(RateLimitHeaders.duration(Duration.ofMillis(8640))).isEqualTo("8.64s");
		assertThat(RateLimitHeaders.duration(Duration.ofMinutes(6))).isEqualTo("6m0s");
		assertThat(RateLimitHeaders.duration(Duration.ofMillis(118_500))).isEqualTo("1m58.5s");
		assertThat(RateLimitHeaders.duration(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
		assertThat(RateLimitHeaders.duration(Duration.ofHours(2))).isEqualTo("2h0m0s");
	}

}
