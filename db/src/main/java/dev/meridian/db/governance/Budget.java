package dev.meridian.db.governance;

import java.math.BigDecimal;

/**
 * A spending cap in USD per period. A budget always has a period: one set without a period is a
 * {@link BudgetPeriod#TOTAL} budget.
 */
public record Budget(BigDecimal maxUsd, BudgetPeriod period) {
}
