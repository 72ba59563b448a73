package dev.meridian.db.governance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Reading and binding the column types the governance tables share. */
final class Columns {

	private Columns() {
	}

	static <T> T required(Readable row, String column, Class<T> type) {
		T value = row.get(column, type);
		if (value == null) {
			throw new IllegalStateException(column + " is null");
		}
		return value;
	}

	static UUID id(Readable row, String column) {
		return required(row, column, UUID.class);
	}

	static Instant instant(Readable row, String column) {
		return required(row, column, Instant.class);
	}

	static String json(Readable row, String column) {
		return required(row, column, Json.class).asString();
	}

	static @Nullable String nullableJson(Readable row, String column) {
		Json json = row.get(column, Json.class);
		return (json == null) ? null : json.asString();
	}

	/** The limits stored in the columns {@code models, rpm_limit, tpm_limit, max_budget_usd, budget_period}. */
	static Limits limits(Readable row) {
		String[] models = row.get("models", String[].class);
		BigDecimal maxBudget = row.get("max_budget_usd", BigDecimal.class);
		String period = row.get("budget_period", String.class);
		Budget budget = (maxBudget == null) ? null
				: new Budget(plain(maxBudget), (period == null) ? BudgetPeriod.TOTAL : BudgetPeriod.of(period));
		return new Limits((models == null) ? null : List.of(models), row.get("rpm_limit", Integer.class),
				row.get("tpm_limit", Long.class), budget);
	}

	/** Binds {@code :models, :rpmLimit, :tpmLimit, :maxBudgetUsd, :budgetPeriod}. */
	static GenericExecuteSpec bindLimits(GenericExecuteSpec spec, Limits limits) {
		Budget budget = limits.budget();
		spec = bind(spec, "models", (limits.models() == null) ? null : limits.models().toArray(String[]::new),
				String[].class);
		spec = bind(spec, "rpmLimit", limits.rpmLimit(), Integer.class);
		spec = bind(spec, "tpmLimit", limits.tpmLimit(), Long.class);
		spec = bind(spec, "maxBudgetUsd", (budget == null) ? null : budget.maxUsd(), BigDecimal.class);
		return bind(spec, "budgetPeriod", (budget == null) ? null : budget.period().value(), String.class);
	}

	static GenericExecuteSpec bind(GenericExecuteSpec spec, String name, @Nullable Object value, Class<?> type) {
		return (value == null) ? spec.bindNull(name, type) : spec.bind(name, value);
	}

	/** Binds a JSON document to a {@code jsonb} parameter. */
	static GenericExecuteSpec bindJson(GenericExecuteSpec spec, String name, @Nullable String json) {
		return (json == null) ? spec.bindNull(name, Json.class) : spec.bind(name, Json.of(json));
	}

	/** {@code 10.000000} as {@code 10}, {@code 0.500000} as {@code 0.5}: numeric columns keep their scale. */
	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
