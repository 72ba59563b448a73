package dev.meridian.gateway.proxy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * How long a provider asked to be left alone: {@code retry-after-ms} (milliseconds, as OpenAI and
 * Azure send it) or {@code retry-after} (seconds or an HTTP date). Capped, so that a wrong header
 * cannot take a deployment out of service for hours.
 */
final class RetryAfter {

	static final Duration MAX = Duration.ofMinutes(10);

	private RetryAfter() {
	}

	static @Nullable Duration from(HttpHeaders headers) {
		Duration delay = milliseconds(headers.get("retry-after-ms"));
		if (delay == null) {
			delay = secondsOrDate(headers.get("retry-after"));
		}
		if (delay == null || delay.isNegative()) {
			return null;
		}
		return (delay.compareTo(MAX) > 0) ? MAX : delay;
	}

	private static @Nullable Duration milliseconds(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofNanos((long) (Double.parseDouble(value.strip()) * 1_000_000));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Duration secondsOrDate(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1_000));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return Duration.between(Instant.now(), at);
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

}
