package dev.meridian.admin.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import dev.meridian.db.governance.Budget;
import dev.meridian.db.governance.BudgetPeriod;
import dev.meridian.db.governance.Limits;
import org.jspecify.annotations.Nullable;

/**
 * The limit fields teams and keys share: {@code models, rpm_limit, tpm_limit, max_budget_usd,
 * budget_period}. A field left out keeps its current value, {@code null} removes the limit. A budget
 * without a period is a {@code total} budget; a period without a budget is a problem.
 */
public final class LimitFields {

	public static final List<String> NAMES = List.of("models", "rpm_limit", "tpm_limit", "max_budget_usd",
			"budget_period");

	private static final List<String> PERIODS = Arrays.stream(BudgetPeriod.values()).map(BudgetPeriod::value).toList();

	private static final int MAX_MODEL_NAME = 200;

	private LimitFields() {
	}

	/** The limits after applying the request's limit fields to the current ones ({@link Limits#NONE} on create). */
	public static Limits read(RequestFields fields, Limits current) {
		List<String> models = fields.has("models") ? fields.names("models", MAX_MODEL_NAME) : current.models();
		Integer rpm = fields.has("rpm_limit") ? fields.positiveInt("rpm_limit") : current.rpmLimit();
		Long tpm = fields.has("tpm_limit") ? fields.positiveLong("tpm_limit") : current.tpmLimit();
		return new Limits(models, rpm, tpm, budget(fields, current.budget()));
	}

	private static @Nullable Budget budget(RequestFields fields, @Nullable Budget current) {
		BigDecimal max = fields.has("max_budget_usd") ? fields.amount("max_budget_usd")
				: (current == null) ? null : current.maxUsd();
		String period = fields.has("budget_period") ? fields.oneOf("budget_period", PERIODS)
				: (current == null) ? null : current.period().value();
		if (max == null) {
			if (fields.has("budget_period") && period != null && fields.valid("max_budget_usd")) {
				fields.problem("budget_period", "needs max_budget_usd: a period applies to a budget");
			}
			return null;
		}
		return new Budget(max, (period == null) ? BudgetPeriod.TOTAL : BudgetPeriod.of(period));
	}

}
