package dev.meridian.admin.spend;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.meridian.db.ledger.LedgerRow;
import dev.meridian.db.ledger.SpendGroup;
import dev.meridian.db.ledger.SpendGrouping;
import org.jspecify.annotations.Nullable;

/**
 * One field of a spend answer, the same in JSON and in CSV: its snake_case name and how to read it.
 * Values are plain: text, numbers, booleans or null.
 */
record SpendColumn<T>(String name, Function<T, @Nullable Object> value) {

	static final List<SpendColumn<LedgerRow>> LEDGER = List.of(
			new SpendColumn<>("request_id", LedgerRow::requestId),
			new SpendColumn<>("occurred_at", row -> row.occurredAt().toString()),
			new SpendColumn<>("key_id", row -> text(row.keyId())),
			new SpendColumn<>("team_id", row -> text(row.teamId())),
			new SpendColumn<>("operation", LedgerRow::operation),
			new SpendColumn<>("requested_model", LedgerRow::requestedModel),
			new SpendColumn<>("deployment", LedgerRow::deployment),
			new SpendColumn<>("provider", LedgerRow::provider),
			new SpendColumn<>("input_tokens", LedgerRow::inputTokens),
			new SpendColumn<>("output_tokens", LedgerRow::outputTokens),
			new SpendColumn<>("cached_tokens", LedgerRow::cachedTokens),
			new SpendColumn<>("cost_usd", row -> money(row.costUsd())),
			new SpendColumn<>("baseline_cost_usd", row -> money(row.baselineCostUsd())),
			new SpendColumn<>("latency_ms", LedgerRow::latencyMs),
			new SpendColumn<>("first_token_ms", LedgerRow::firstTokenMs),
			new SpendColumn<>("status", LedgerRow::status),
			new SpendColumn<>("error_code", LedgerRow::errorCode),
			new SpendColumn<>("route_tier", LedgerRow::routeTier),
			new SpendColumn<>("cache_hit", LedgerRow::cacheHit),
			new SpendColumn<>("fallbacks", LedgerRow::fallbacks));

	private static final List<SpendColumn<SpendGroup>> TOTALS = List.of(
			new SpendColumn<>("requests", SpendGroup::requests),
			new SpendColumn<>("errors", SpendGroup::errors),
			new SpendColumn<>("input_tokens", SpendGroup::inputTokens),
			new SpendColumn<>("output_tokens", SpendGroup::outputTokens),
			new SpendColumn<>("cached_tokens", SpendGroup::cachedTokens),
			new SpendColumn<>("cost_usd", group -> money(group.costUsd())),
			new SpendColumn<>("baseline_cost_usd", group -> money(group.baselineCostUsd())),
			new SpendColumn<>("savings_usd", group -> money(group.savingsUsd())));

	/** The group's own field, named after the grouping, then for teams and keys their name, then the totals. */
	static List<SpendColumn<SpendGroup>> summary(SpendGrouping grouping) {
		return switch (grouping) {
			case DAY -> concat(new SpendColumn<>("day", SpendGroup::group));
			case MODEL -> concat(new SpendColumn<>("model", SpendGroup::group));
			case TEAM -> concat(new SpendColumn<>("team_id", SpendGroup::group),
					new SpendColumn<>("team_name", SpendGroup::name));
			case KEY -> concat(new SpendColumn<>("key_id", SpendGroup::group),
					new SpendColumn<>("key_name", SpendGroup::name));
		};
	}

	static List<SpendColumn<SpendGroup>> totals() {
		return TOTALS;
	}

	/** One JSON object, fields in column order. */
	static <T> Map<String, @Nullable Object> object(List<SpendColumn<T>> columns, T item) {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		for (SpendColumn<T> column : columns) {
			object.put(column.name(), column.value().apply(item));
		}
		return object;
	}

	@SafeVarargs
	private static List<SpendColumn<SpendGroup>> concat(SpendColumn<SpendGroup>... first) {
		return Stream.concat(Stream.of(first), TOTALS.stream()).toList();
	}

	private static @Nullable String text(@Nullable Object value) {
		return (value == null) ? null : value.toString();
	}

	/** Without the trailing zeros of the stored scale: 0.25, not 0.250000000. */
	private static @Nullable BigDecimal money(@Nullable BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
