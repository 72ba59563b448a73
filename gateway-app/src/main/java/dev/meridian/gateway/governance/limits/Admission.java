package dev.meridian.gateway.governance.limits;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one request: admitted or refused, and the standing of the first subject that has
 * limits (the key's, or the team's when the key has none) for the {@code x-ratelimit-*} headers.
 *
 * @param refusal why the request was refused; null when it was admitted
 * @param requests the requests-per-minute standing; null when that subject has no rpm limit
 * @param tokens the tokens-per-minute standing; null when that subject has no tpm limit
 */
public record Admission(@Nullable Refusal refusal, @Nullable Quota requests, @Nullable Quota tokens) {

	/** For requests none of whose subjects has a limit: nothing was counted, no header to send. */
	public static final Admission UNLIMITED = new Admission(null, null, null);

	public boolean admitted() {
		return refusal == null;
	}

	/**
	 * @param subject the key or team whose limit refused the request; when several did, the one that
	 * frees last
	 * @param retryAfter when the window will have freed enough for this request, all limits considered,
	 * if nothing else is counted meanwhile
	 */
	public record Refusal(LimitSubject subject, Limit limit, Duration retryAfter) {

		/** For the 429 answer, e.g. "Rate limit reached for requests per minute of the key (limit 10)". */
		public String message() {
			Number value = (limit == Limit.REQUESTS) ? subject.rpm() : subject.tpm();
			return "Rate limit reached for " + limit.label() + " per minute of the " + subject.scope().label()
					+ " (limit " + value + "). Try again in " + RateLimitHeaders.duration(retryAfter) + ".";
		}

	}

	/**
	 * @param remaining what is left in the window now
	 * @param reset how long until the window holds nothing counted so far (OpenAI: "until the rate limit
	 * resets to its initial state")
	 */
	public record Quota(long limit, long remaining, Duration reset) {
	}

}
