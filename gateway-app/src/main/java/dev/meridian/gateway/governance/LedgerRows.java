package dev.meridian.gateway.governance;

import dev.meridian.db.ledger.LedgerEntry;
import dev.meridian.gateway.json.Usage;
import dev.meridian.gateway.metrics.RequestOutcome;

/** The spend ledger's row for a finished request. */
final class LedgerRows {

	private static final double NANOS_PER_MILLI = 1_000_000.0;

	private LedgerRows() {
	}

	static LedgerEntry of(RequestOutcome outcome) {
		Usage usage = (outcome.usage() == null) ? Usage.NONE : outcome.usage();
		return new LedgerEntry(outcome.requestId(), outcome.startedAt(), outcome.keyId(), outcome.teamId(),
				outcome.operation(), outcome.model(), outcome.deployment(),
				outcome.deployment() == null ? null : outcome.provider(), saturated(usage.promptTokens()),
				saturated(usage.completionTokens()), saturated(usage.cachedTokens()), outcome.costUsd(), outcome.baselineCostUsd(),
				outcome.durationNanos() / NANOS_PER_MILLI,
				outcome.firstTokenNanos() < 0 ? null : outcome.firstTokenNanos() / NANOS_PER_MILLI, outcome.status(),
				outcome.errorCode(), outcome.routeTier(), false, outcome.fallbacks().size());
	}

	private static int saturated(long tokens) {
		return (int) Math.min(Integer.MAX_VALUE, tokens);
	}

}
