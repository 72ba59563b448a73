package dev.meridian.gateway.governance.limits;

import java.time.Duration;

import dev.meridian.gateway.governance.limits.Admission.Quota;
import dev.meridian.gateway.governance.limits.Admission.Refusal;
import org.springframework.http.HttpHeaders;

/**
 * OpenAI's rate-limit response headers, so that clients written against OpenAI read Meridian's limits
 * unchanged: {@code x-ratelimit-limit-requests: 60}, {@code x-ratelimit-remaining-requests: 59},
 * {@code x-ratelimit-reset-requests: 1s}, and the same three for tokens. A refusal adds
 * {@code retry-after} (whole seconds) and {@code retry-after-ms}, which OpenAI's SDKs honour when
 * they retry.
 */
public final class RateLimitHeaders {

	public static final String LIMIT_REQUESTS = "x-ratelimit-limit-requests";

	public static final String REMAINING_REQUESTS = "x-ratelimit-remaining-requests";

	public static final String RESET_REQUESTS = "x-ratelimit-reset-requests";

	public static final String LIMIT_TOKENS = "x-ratelimit-limit-tokens";

	public static final String REMAINING_TOKENS = "x-ratelimit-remaining-tokens";

	public static final String RESET_TOKENS = "x-ratelimit-reset-tokens";

	public static final String RETRY_AFTER_MS = "retry-after-ms";

	private RateLimitHeaders() {
	}

	/** Writes nothing for a request without limits. */
	public static void write(HttpHeaders headers, Admission admission) {
		Quota requests = admission.requests();
		if (requests != null) {
			write(headers, requests, LIMIT_REQUESTS, REMAINING_REQUESTS, RESET_REQUESTS);
		}
		Quota tokens = admission.tokens();
		if (tokens != null) {
			write(headers, tokens, LIMIT_TOKENS, REMAINING_TOKENS, RESET_TOKENS);
		}
		Refusal refusal = admission.refusal();
		if (refusal != null) {
			long millis = refusal.retryAfter().toMillis();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.ceilDiv(millis, 1000)));
			headers.set(RETRY_AFTER_MS, Long.toString(millis));
		}
	}

	private static void write(HttpHeaders headers, Quota quota, String limit, String remaining, String reset) {
		headers.set(limit, Long.toString(quota.limit()));
		headers.set(remaining, Long.toString(quota.remaining()));
		headers.set(reset, duration(quota.reset()));
	}

	/**
	 * A duration the way OpenAI writes it (Go's notation) to the millisecond: {@code 0s}, {@code 12ms},
	 * {@code 1s}, {@code 1.5s}, {@code 6m0s}, {@code 1h2m3s}.
	 */
	static String duration(Duration duration) {
		long millis = Math.max(0, duration.toMillis());
		if (millis == 0) {
			return "0s";
		}
		if (millis < 1000) {
			return millis + "ms";
		}
		StringBuilder text = new StringBuilder();
		long hours = millis / 3_600_000;
		long minutes = millis / 60_000 % 60;
		if (hours > 0) {
			text.append(hours).append('h');
		}
		if (hours > 0 || minutes > 0) {
			text.append(minutes).append('m');
		}
		text.append(millis / 1000 % 60);
		long fraction = millis % 1000;
		if (fraction > 0) {
			String digits = Long.toString(1000 + fraction).substring(1).replaceAll("0+$", "");
			text.append('.').append(digits);
		}
		return text.append('s').toString();
	}

}
