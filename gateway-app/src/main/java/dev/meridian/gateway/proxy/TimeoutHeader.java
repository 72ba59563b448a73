package dev.meridian.gateway.proxy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.meridian.gateway.error.GatewayException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The {@code x-meridian-timeout} request header: {@code 30s}, {@code 500ms}, {@code 2m}, or plain
 * seconds ({@code 30}, {@code 1.5}). It can only shorten the model's configured timeout, which
 * stays the operator's bound on how long a request may hold upstream connections.
 */
final class TimeoutHeader {

	private static final Pattern VALUE = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)\\s*(ms|s|m)?");

	private TimeoutHeader() {
	}

	/**
	 * @return null when the header is absent
	 * @throws GatewayException 400 when it is not a positive duration
	 */
	static @Nullable Duration read(HttpHeaders headers) {
		String value = headers.getFirst(MeridianHeaders.TIMEOUT);
		if (value == null) {
			return null;
		}
		Matcher matcher = VALUE.matcher(value.strip());
		if (!matcher.matches()) {
			throw invalid(value);
		}
		double amount = Double.parseDouble(matcher.group(1));
		String unit = (matcher.group(2) == null) ? "s" : matcher.group(2);
		double millis = switch (unit) {
			case "ms" -> amount;
			case "m" -> amount * 60_000;
			default -> amount * 1_000;
		};
		if (millis < 1) {
			throw invalid(value);
		}
		return Duration.ofMillis((long) millis);
	}

	private static GatewayException invalid(String value) {
		return GatewayException.invalidValue("The header " + MeridianHeaders.TIMEOUT + " must be a positive duration "
				+ "such as 30s, 500ms, 2m or a number of seconds; it was '" + value + "'.", MeridianHeaders.TIMEOUT);
	}

}
