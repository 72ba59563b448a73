package dev.meridian.gateway.governance.limits;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Requests-per-minute and tokens-per-minute limits of keys and teams over a sliding one-minute
 * window. Subjects without limits cost nothing.
 */
public interface RateLimiter {

	/**
	 * Checks every subject's limits at once. Admitted: one request is counted for each subject with an
	 * rpm limit. Refused: nothing is counted. Tokens are not counted here but after the response, with
	 * {@link #recordTokens}; a request is refused when the tokens already counted in the window leave no
	 * room for its estimated prompt.
	 *
	 * @param estimatedPromptTokens a cheap estimate of the prompt's size; a prompt larger than a tpm
	 * limit is admitted only while nothing else is counted in that window
	 */
	Mono<Admission> admit(List<LimitSubject> subjects, long estimatedPromptTokens);

	/** Counts the tokens of a finished request (prompt and completion) for each subject with a tpm limit. */
	void recordTokens(List<LimitSubject> subjects, long tokens);

}
