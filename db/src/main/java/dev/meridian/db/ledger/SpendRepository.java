package dev.meridian.db.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Reads spend for admins: ledger rows newest first, a page at a time from a position (keyset
 * pagination, which stays fast however deep the page and never skips or repeats a row while new
 * rows arrive), and summaries from the daily rollups.
 */
@Repository
public class SpendRepository {

	private static final String ROW_COLUMNS = "request_id, occurred_at, key_id, team_id, operation, requested_model,"
			+ " deployment, provider, input_tokens, output_tokens, cached_tokens, cost_usd, baseline_cost_usd,"
			+ " latency_ms, first_token_ms, status, error_code, route_tier, cache_hit, fallbacks";

	private final DatabaseClient db;

	public SpendRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Up to {@code limit} rows, newest first, starting after {@code after} when given. */
	public Flux<LedgerRow> rows(SpendFilter filter, @Nullable LedgerPosition after, int limit) {
		Conditions where = new Conditions();
		where.add("key_id = :key", "key", filter.keyId());
		where.add("team_id = :team", "team", filter.teamId());
		where.add("requested_model = :model", "model", filter.model());
		where.add("occurred_at >= :from", "from", filter.from());
		where.add("occurred_at < :to", "to", filter.to());
		where.scope(filter);
		if (after != null) {
			where.add("occurred_at <= :afterAt", "afterAt", after.occurredAt());
			where.add("(occurred_at < :afterAt OR request_id < :afterId)", "afterId", after.requestId());
		}
		String sql = "SELECT " + ROW_COLUMNS + " FROM spend_ledger" + where.sql()
				+ " ORDER BY occurred_at DESC, request_id DESC LIMIT " + limit;
		return where.bindTo(db.sql(sql)).map(SpendRepository::ledgerRow).all();
	}

	/** Totals per group over the UTC days the filter's range touches; by day oldest first, otherwise costliest first. */
	public Flux<SpendGroup> summary(SpendFilter filter, SpendGrouping grouping) {
		Conditions where = new Conditions();
		where.add("key_id = :key", "key", filter.keyId());
		where.add("team_id = :team", "team", filter.teamId());
		where.add("model = :model", "model", filter.model());
		where.add("day >= :fromDay", "fromDay", filter.firstDay());
		where.add("day < :dayAfter", "dayAfter", filter.dayAfter());
		where.scope(filter);
		String group = switch (grouping) {
			case DAY -> "s.day::text";
			case MODEL -> "s.model";
			case TEAM -> "s.team_id::text";
			case KEY -> "s.key_id::text";
		};
		String name = switch (grouping) {
			case DAY, MODEL -> "NULL::text";
			case TEAM -> "(SELECT t.name FROM team t WHERE t.id = s.team_id)";
			case KEY -> "(SELECT k.name FROM virtual_key k WHERE k.id = s.key_id)";
		};
		String order = (grouping == SpendGrouping.DAY) ? "grp" : "cost_usd DESC, grp NULLS LAST";
		String sql = "SELECT grp, max(name) AS name, sum(requests) AS requests, sum(errors) AS errors,"
				+ " sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,"
				+ " sum(cached_tokens) AS cached_tokens, sum(cost_usd) AS cost_usd,"
				+ " sum(baseline_cost_usd) AS baseline_cost_usd"
				+ " FROM (SELECT " + group + " AS grp, " + name + " AS name, s.* FROM spend_daily s" + where.sql()
				+ ") grouped GROUP BY grp ORDER BY " + order;
		return where.bindTo(db.sql(sql)).map(SpendRepository::spendGroup).all();
	}

	private static LedgerRow ledgerRow(Readable row) {
		return new LedgerRow(required(row, "request_id", String.class), required(row, "occurred_at", Instant.class),
				row.get("key_id", UUID.class), row.get("team_id", UUID.class), required(row, "operation", String.class),
				required(row, "requested_model", String.class), row.get("deployment", String.class),
				row.get("provider", String.class), required(row, "input_tokens", Integer.class),
				required(row, "output_tokens", Integer.class), required(row, "cached_tokens", Integer.class),
				row.get("cost_usd", BigDecimal.class), row.get("baseline_cost_usd", BigDecimal.class),
				required(row, "latency_ms", Double.class), row.get("first_token_ms", Double.class),
				required(row, "status", Short.class), row.get("error_code", String.class),
				row.get("route_tier", String.class), required(row, "cache_hit", Boolean.class),
				required(row, "fallbacks", Short.class));
	}

	private static SpendGroup spendGroup(Readable row) {
		return new SpendGroup(row.get("grp", String.class), row.get("name", String.class), number(row, "requests"),
				number(row, "errors"), number(row, "input_tokens"), number(row, "output_tokens"),
				number(row, "cached_tokens"), required(row, "cost_usd", BigDecimal.class),
				required(row, "baseline_cost_usd", BigDecimal.class));
	}

	/** Sums of bigint columns come back as numeric. */
	private static long number(Readable row, String column) {
		return required(row, column, BigDecimal.class).longValueExact();
	}

	private static <T> T required(Readable row, String column, Class<T> type) {
		T value = row.get(column, type);
		if (value == null) {
			throw new IllegalStateException("spend column " + column + " is null");
		}
		return value;
	}

	/** A WHERE clause built from the filters that are set, with their values bound by name. */
	private static final class Conditions {

		private final StringBuilder sql = new StringBuilder();

		private final Map<String, Object> values = new LinkedHashMap<>();

		void add(String condition, String name, @Nullable Object value) {
			if (value != null) {
				sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
				values.put(name, value);
			}
		}

		/** Readers with a team scope see their teams' spend only, nothing without a team. */
		void scope(SpendFilter filter) {
			if (filter.teams() != null) {
				add("team_id = ANY(CAST(:teams AS uuid[]))", "teams",
						filter.teams().stream().map(UUID::toString).toArray(String[]::new));
			}
		}

		String sql() {
			return sql.toString();
		}

		DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
			for (Map.Entry<String, Object> value : values.entrySet()) {
				spec = spec.bind(value.getKey(), value.getValue());
			}
			return spec;
		}

	}

}
