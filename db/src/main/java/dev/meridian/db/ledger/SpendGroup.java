package dev.meridian.db.ledger;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The totals of one group of a spend summary.
 *
 * @param group the day ({@code 2026-03-01}), model, team id or key id; null for spend without a team or key
 * @param name the team's or key's name, when grouped by team or key and it still exists
 * @param baselineCostUsd what the same requests would have cost at the smart-routing baseline (requests
 * that were not smart-routed count their own cost)
 */
public record SpendGroup(@Nullable String group, @Nullable String name, long requests, long errors, long inputTokens,
		long outputTokens, long cachedTokens, BigDecimal costUsd, BigDecimal baselineCostUsd) {

	/** What smart routing saved against the baseline; negative when it cost more. */
	public BigDecimal savingsUsd() {
		return baselineCostUsd.subtract(costUsd);
	}

	/** This group and another summed up, under no group. */
	public SpendGroup plus(SpendGroup other) {
		return new SpendGroup(null, null, requests + other.requests, errors + other.errors,
				inputTokens + other.inputTokens, outputTokens + other.outputTokens, cachedTokens + other.cachedTokens,
				costUsd.add(other.costUsd), baselineCostUsd.add(other.baselineCostUsd));
	}

	public static SpendGroup none() {
		return new SpendGroup(null, null, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
	}

}
