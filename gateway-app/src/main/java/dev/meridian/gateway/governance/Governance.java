package dev.meridian.gateway.governance;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import dev.meridian.db.ledger.SpendLedgerWriter;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.governance.limits.BudgetSubject;
import dev.meridian.gateway.governance.limits.LimitSubject;
import dev.meridian.gateway.governance.limits.RateLimitHeaders;
import dev.meridian.gateway.governance.limits.RateLimiter;
import dev.meridian.gateway.governance.limits.SpendCounters;
import dev.meridian.gateway.json.Usage;
import dev.meridian.gateway.metrics.RequestOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the request path asks of governance: may this caller send this request now, and, once it
 * has ended, what it came to. Everything is answered from memory; a key without limits or budget
 * costs a map lookup.
 */
@Component
public class Governance {

	private final RateLimiter limiter;

	private final SpendCounters spend;

	private final InstantSource clock;

	private final SpendLedgerWriter ledger;

	public Governance(RateLimiter limiter, SpendCounters spend, InstantSource clock, SpendLedgerWriter ledger) {
		this.limiter = limiter;
		this.spend = spend;
		this.clock = clock;
		this.ledger = ledger;
	}

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
		Instant now = clock.instant();
		if (exhausted(caller.key().budget(), now)) {
			return Mono.error(GatewayException.budgetExceeded("API key", caller.key().budget().period().value()));
		}
		if (caller.team() != null && exhausted(caller.team().budget(), now)) {
			return Mono.error(GatewayException.budgetExceeded("team", caller.team().budget().period().value()));
		}
		List<LimitSubject> rateLimits = caller.rateLimits();
		if (rateLimits.isEmpty()) {
			return Mono.empty();
		}
		return limiter.admit(rateLimits, estimatedPromptTokens).flatMap(admission -> {
			RateLimitHeaders.write(responseHeaders, admission);
			return admission.admitted() ? Mono.empty()
					: Mono.error(GatewayException.rateLimited(admission.refusal().message()));
		});
	}

	/**
	 * Accounts for a finished request: a row in the spend ledger (written later, in a batch), its
	 * tokens against rate limits, its cost against budgets.
	 */
	public void settle(Caller caller, RequestOutcome outcome) {
		ledger.append(LedgerRows.of(outcome));
		if (caller.isMaster()) {
			return;
		}
		Usage usage = outcome.usage();
		if (usage != null && usage.totalTokens() > 0) {
			List<LimitSubject> rateLimits = caller.rateLimits();
			if (!rateLimits.isEmpty()) {
				limiter.recordTokens(rateLimits, usage.totalTokens());
			}
		}
		Double cost = outcome.costUsd();
		if (cost != null && cost > 0) {
			count(caller.key().budget(), outcome.startedAt(), cost);
			if (caller.team() != null) {
				count(caller.team().budget(), outcome.startedAt(), cost);
			}
		}
	}

	private boolean exhausted(@Nullable BudgetSubject budget, Instant now) {
		return budget != null && spend.exhausted(budget, now);
	}

	private void count(@Nullable BudgetSubject budget, Instant at, double cost) {
		if (budget != null) {
			spend.add(budget, at, cost);
		}
	}

}
