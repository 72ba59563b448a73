package dev.meridian.gateway.proxy;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import dev.meridian.gateway.error.FailureKind;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.anthropic.AnthropicErrors;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small rules the attempts of a request follow: timeouts, retry-after, failure kinds and backoff. */
class RoutingPiecesTest {

	@Test
	void theTimeoutHeaderTakesUnitsOrPlainSeconds() {
		assertThat(TimeoutHeader.read(headers("30s"))).isEqualTo(Duration.ofSeconds(30));
		assertThat(TimeoutHeader.read(headers("500ms"))).isEqualTo(Duration.ofMillis(500));
		assertThat(TimeoutHeader.read(headers("2m"))).isEqualTo(Duration.ofMinutes(2));
		assertThat(TimeoutHeader.read(headers("1.5"))).isEqualTo(Duration.ofMillis(1500));
		assertThat(TimeoutHeader.read(new HttpHeaders())).isNull();
		for (String invalid : new String[] { "soon", "0", "-3s", "0.0001s", "10h", "" }) {
			assertThatThrownBy(() -> TimeoutHeader.read(headers(invalid))).as(invalid)
				.isInstanceOfSatisfying(GatewayException.class, ex -> {
					assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
					assertThat(ex.param()).isEqualTo("x-meridian-timeout");
				});
		}
	}

	@Test
	void retryAfterIsReadInMillisecondsSecondsOrAsADate() {
		assertThat(RetryAfter.from(new DefaultHttpHeaders().add("retry-after-ms", "1500").add("retry-after", "9")))
			.isEqualTo(Duration.ofMillis(1500));
		assertThat(RetryAfter.from(new DefaultHttpHeaders().add("retry-after", "2"))).isEqualTo(Duration.ofSeconds(2));
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
		assertThat(RetryAfter.from(new DefaultHttpHeaders().add("retry-after", inTenSeconds)))
			.isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
		assertThat(RetryAfter.from(new DefaultHttpHeaders().add("retry-after", "86400"))).isEqualTo(RetryAfter.MAX);
		assertThat(RetryAfter.from(new DefaultHttpHeaders().add("retry-after", "later"))).isNull();
		assertThat(RetryAfter.from(new DefaultHttpHeaders())).isNull();
	}

	@Test
	void failuresAreSortedIntoRetriesFallbacksAndFinalAnswers() {
		assertThat(FailureKind.of(GatewayException.upstreamUnreachable("p/m", "refused"))).isEqualTo(FailureKind.RETRYABLE);
		assertThat(FailureKind.of(GatewayException.of(429, "rate_limit_error", null, "slow down")))
			.isEqualTo(FailureKind.RETRYABLE);
		assertThat(FailureKind.of(GatewayException.of(400, "invalid_request_error", "context_length_exceeded",
				"This model's maximum context length is 8192 tokens."))).isEqualTo(FailureKind.CONTEXT_WINDOW);
		assertThat(FailureKind.of(AnthropicErrors.fromResponse(400,
				"{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}")))
			.isEqualTo(FailureKind.CONTEXT_WINDOW);
		assertThat(FailureKind.of(GatewayException.of(400, "invalid_request_error", "content_filter",
				"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.")))
			.isEqualTo(FailureKind.CONTENT_POLICY);
		assertThat(FailureKind.of(GatewayException.invalidKey())).isEqualTo(FailureKind.FINAL);
		assertThat(FailureKind.of(GatewayException.invalidRequest("bad temperature"))).isEqualTo(FailureKind.FINAL);
	}

	@Test
	void backoffIsFullJitterUnderAGrowingCapAndNeverShorterThanRetryAfter() {
		for (int i = 0; i < 1_000; i++) {
			assertThat(RoutedCall.backoffNanos(0, null)).isBetween(0L, Duration.ofMillis(100).toNanos());
			assertThat(RoutedCall.backoffNanos(3, null)).isBetween(0L, Duration.ofMillis(800).toNanos());
			assertThat(RoutedCall.backoffNanos(30, null)).isBetween(0L, RoutedCall.BACKOFF_CAP.toNanos());
			assertThat(RoutedCall.backoffNanos(0, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2).toNanos());
		}
	}

	private static HttpHeaders headers(String timeout) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-meridian-timeout", timeout);
		return headers;
	}

}
