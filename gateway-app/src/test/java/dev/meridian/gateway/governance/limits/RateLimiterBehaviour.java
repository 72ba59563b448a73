package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.meridian.gateway.governance.limits.Admission.Quota;
import dev.meridian.gateway.governance.limits.Admission.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RateLimiter} does, on a clock the test moves. The clock starts at the first
 * millisecond of a minute.
 */
abstract class RateLimiterBehaviour {

	protected final TestClock clock = new TestClock("2031-03-03T10:00:00Z");

	private final UUID keyId = UUID.randomUUID();

	private final UUID teamId = UUID.randomUUID();

	protected abstract RateLimiter limiter();

	@Test
	void admitsExactlyTheRpmThenRefusesUntilTheWindowHasRoom() {
		List<LimitSubject> key = List.of(LimitSubject.key(keyId, 10, null));
		for (int i = 9; i >= 0; i--) {
			Admission admission = admit(key, 0);
			assertThat(admission.admitted()).isTrue();
			assertThat(admission.requests()).extracting(Quota::remaining).isEqualTo((long) i);
		}

		Admission refused = admit(key, 0);

		assertThat(refused.admitted()).isFalse();
		Refusal refusal = refused.refusal();
		assertThat(refusal.subject()).isEqualTo(key.getFirst());
		assertThat(refusal.limit()).isEqualTo(Limit.REQUESTS);
		// The ten requests of this minute slide out during the next: one has room once 9 of the 10
		// still weigh, a tenth of the way into it.
		assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(66));
		clock.advance(Duration.ofSeconds(66).minusMillis(1));
		assertThat(admit(key, 0).admitted()).isFalse();
		clock.advance(Duration.ofMillis(1));
		assertThat(admit(key, 0).admitted()).isTrue();
		assertThat(admit(key, 0).admitted()).isFalse();
	}

	@Test
	void thePreviousMinuteWeighsByTheShareOfItStillInTheWindow() {
		List<LimitSubject> key = List.of(LimitSubject.key(keyId, 10, null));
		for (int i = 0; i < 10; i++) {
			admit(key, 0);
		}
		// Half way through the next minute, half of the previous one is still in the window: 5 of 10.
		clock.advance(Duration.ofSeconds(90));
		for (int i = 0; i < 5; i++) {
			assertThat(admit(key, 0).admitted()).as("request %d", i).isTrue();
		}

		Admission refused = admit(key, 0);

		assertThat(refused.admitted()).isFalse();
		// 5 of this minute + 10 × 24/60 of the previous = 9 at 36 s: room for one more.
		assertThat(refused.refusal().retryAfter()).isEqualTo(Duration.ofSeconds(6));
		clock.advance(Duration.ofSeconds(6));
		assertThat(admit(key, 0).admitted()).isTrue();
	}

	@Test
	void tokensCountAfterTheResponseAndThePromptEstimateMustFit() {
		List<LimitSubject> key = List.of(LimitSubject.key(keyId, null, 1000L));

		Admission first = admit(key, 100);
		assertThat(first.admitted()).isTrue();
		assertThat(first.tokens()).isEqualTo(new Quota(1000, 1000, Duration.ZERO));
		assertThat(first.requests()).isNull();

		limiter().recordTokens(key, 850);
		assertThat(admit(key, 150).admitted()).isTrue();
		Admission tooLarge = admit(key, 151);
		assertThat(tooLarge.admitted()).isFalse();
		assertThat(tooLarge.refusal().limit()).isEqualTo(Limit.TOKENS);
		assertThat(tooLarge.tokens().remaining()).isEqualTo(150);

		limiter().recordTokens(key, 150);
		Admission reached = admit(key, 0);
		assertThat(reached.admitted()).isFalse();
		assertThat(reached.refusal().limit()).isEqualTo(Limit.TOKENS);
		// 1000 tokens this minute; one fits again once 999 of them still weigh.
		assertThat(reached.refusal().retryAfter()).isEqualTo(Duration.ofMillis(60_060));
	}

	@Test
	void aPromptLargerThanTheTpmIsAdmittedOnlyIntoAnEmptyWindow() {
		List<LimitSubject> key = List.of(LimitSubject.key(keyId, null, 1000L));

		assertThat(admit(key, 5000).admitted()).isTrue();
		limiter().recordTokens(key, 10);
		assertThat(admit(key, 5000).admitted()).isFalse();
		assertThat(admit(key, 990).admitted()).isTrue();
	}

	@Test
	void theTighterOfKeyAndTeamRefusesAndIsNamed() {
		LimitSubject key = LimitSubject.key(keyId, 5, null);
		LimitSubject team = LimitSubject.team(teamId, 3, null);
		List<LimitSubject> both = List.of(key, team);
		for (int i = 0; i < 3; i++) {
			assertThat(admit(both, 0).admitted()).isTrue();
		}

		Admission refused = admit(both, 0);

		assertThat(refused.refusal().subject()).isEqualTo(team);
		assertThat(refused.refusal().limit()).isEqualTo(Limit.REQUESTS);
		assertThat(refused.refusal().message())
			.isEqualTo("Rate limit reached for requests per minute of the team (limit 3). Try again in 1m20s.");
		// Nothing was counted for the key: its standing still shows three requests.
		assertThat(refused.requests().remaining()).isEqualTo(2);
		LimitSubject tighterKey = LimitSubject.key(UUID.randomUUID(), 1, null);
		assertThat(admit(List.of(tighterKey, LimitSubject.team(UUID.randomUUID(), 100, null)), 0).admitted()).isTrue();
		assertThat(admit(List.of(tighterKey, LimitSubject.team(UUID.randomUUID(), 100, null)), 0).refusal().subject())
			.isEqualTo(tighterKey);
	}

	@Test
	void whenSeveralLimitsRefuseTheOneThatFreesLastIsNamed() {
		LimitSubject key = LimitSubject.key(keyId, 1, null);
		LimitSubject team = LimitSubject.team(teamId, 2, null);
		admit(List.of(LimitSubject.key(UUID.randomUUID(), null, null), team), 0);
		clock.advance(Duration.ofSeconds(30));
		assertThat(admit(List.of(key, team), 0).admitted()).isTrue();
		clock.advance(Duration.ofSeconds(1));

		Refusal refusal = admit(List.of(key, team), 0).refusal();

		// The team has room again in 59 s, the key in 89 s.
		assertThat(refusal.subject()).isEqualTo(key);
		assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(89));
	}

	@Test
	void subjectsWithoutLimitsCostNothingAndSendNoHeaders() {
		List<LimitSubject> none = List.of(LimitSubject.key(keyId, null, null), LimitSubject.team(teamId, null, null));

		Admission admission = admit(none, 1000);
		limiter().recordTokens(none, 1000);

		assertThat(admission).isSameAs(Admission.UNLIMITED);
		HttpHeaders headers = new HttpHeaders();
		RateLimitHeaders.write(headers, admission);
		assertThat(headers.isEmpty()).isTrue();
	}

	@Test
	void theHeadersShowTheKeysStandingOrTheTeamsWhenTheKeyHasNoLimits() {
		List<LimitSubject> key = List.of(LimitSubject.key(keyId, 60, 150_000L), LimitSubject.team(teamId, 1000, null));
		admit(key, 10);
		limiter().recordTokens(key, 16);
		clock.advance(Duration.ofMillis(1500));

		HttpHeaders headers = new HttpHeaders();
		RateLimitHeaders.write(headers, admit(key, 10));

		assertThat(headers.toSingleValueMap()).containsOnly(
				entry("x-ratelimit-limit-requests", "60"), entry("x-ratelimit-remaining-requests", "58"),
				entry("x-ratelimit-reset-requests", "1m58.5s"), entry("x-ratelimit-limit-tokens", "150000"),
				entry("x-ratelimit-remaining-tokens", "149984"), entry("x-ratelimit-reset-tokens", "1m58.5s"));

		HttpHeaders teamHeaders = new HttpHeaders();
		RateLimitHeaders.write(teamHeaders,
				admit(List.of(LimitSubject.key(keyId, null, null), LimitSubject.team(teamId, 1000, null)), 10));
		assertThat(teamHeaders.toSingleValueMap()).containsOnly(entry("x-ratelimit-limit-requests", "1000"),
				entry("x-ratelimit-remaining-requests", "997"), entry("x-ratelimit-reset-requests", "1m58.5s"));
	}

	@Test
	void aRefusalTellsWhenToRetry() {
		List<LimitSubject> key = List.of(LimitSubject.key(keyId, 1, null));
		admit(key, 0);
		clock.advance(Duration.ofMillis(200));

		HttpHeaders headers = new HttpHeaders();
		RateLimitHeaders.write(headers, admit(key, 0));

		assertThat(headers.getFirst("retry-after-ms")).isEqualTo("119800");
		assertThat(headers.getFirst("retry-after")).isEqualTo("120");
		assertThat(headers.getFirst("x-ratelimit-remaining-requests")).isEqualTo("0");
	}

	private Admission admit(List<LimitSubject> subjects, long estimatedPromptTokens) {
		return limiter().admit(subjects, estimatedPromptTokens).block(Duration.ofSeconds(10));
	}

	private static Map.Entry<String, String> entry(String name, String value) {
		return Map.entry(name, value);
	}

}
