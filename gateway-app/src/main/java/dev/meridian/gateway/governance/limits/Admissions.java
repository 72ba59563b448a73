package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.util.List;

import dev.meridian.gateway.governance.limits.Admission.Quota;
import dev.meridian.gateway.governance.limits.Admission.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * The rules both limiters apply to the bucket counts of a request's subjects: which limit refuses it,
 * and what the headers say. {@code admit.lua} applies the same test in Redis.
 */
final class Admissions {

	private Admissions() {
	}

	/**
	 * The refusal of a request whose subjects' buckets hold {@code counts}, or null when every limit
	 * has room: one more request under each rpm, the estimated prompt under each tpm. When several
	 * limits refuse, the one that frees last names the refusal, and its wait is the retry-after.
	 */
	static @Nullable Refusal refusal(List<LimitSubject> subjects, List<BucketCounts> counts, long elapsed,
			long estimatedPromptTokens) {
		Refusal refusal = null;
		for (int i = 0; i < subjects.size(); i++) {
			LimitSubject subject = subjects.get(i);
			BucketCounts count = counts.get(i);
			Integer rpm = subject.rpm();
			if (rpm != null && !SlidingWindow.fits(count.previousRequests(), count.currentRequests(), elapsed, 1, rpm)) {
				refusal = later(refusal, subject, Limit.REQUESTS,
						SlidingWindow.untilFits(count.previousRequests(), count.currentRequests(), elapsed, 1, rpm));
			}
			Long tpm = subject.tpm();
			if (tpm != null) {
				long cost = SlidingWindow.tokenCost(estimatedPromptTokens, tpm);
				if (!SlidingWindow.fits(count.previousTokens(), count.currentTokens(), elapsed, cost, tpm)) {
					refusal = later(refusal, subject, Limit.TOKENS,
							SlidingWindow.untilFits(count.previousTokens(), count.currentTokens(), elapsed, cost, tpm));
				}
			}
		}
		return refusal;
	}

	/** The admission with the standing of the first subject, whose buckets hold {@code first}. */
	static Admission admission(@Nullable Refusal refusal, LimitSubject subject, BucketCounts first, long elapsed) {
		Integer rpm = subject.rpm();
		Long tpm = subject.tpm();
		Quota requests = (rpm == null) ? null
				: new Quota(rpm,
						SlidingWindow.remaining(first.previousRequests(), first.currentRequests(), elapsed, rpm),
						SlidingWindow.untilEmpty(first.previousRequests(), first.currentRequests(), elapsed));
		Quota tokens = (tpm == null) ? null
				: new Quota(tpm, SlidingWindow.remaining(first.previousTokens(), first.currentTokens(), elapsed, tpm),
						SlidingWindow.untilEmpty(first.previousTokens(), first.currentTokens(), elapsed));
		return new Admission(refusal, requests, tokens);
	}

	private static Refusal later(@Nullable Refusal so, LimitSubject subject, Limit limit, Duration wait) {
		return (so == null || wait.compareTo(so.retryAfter()) > 0) ? new Refusal(subject, limit, wait) : so;
	}

}
