package dev.meridian.db.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Writes a batch of ledger rows and their daily rollups in one statement: the rows travel as one
 * array per column, {@code unnest} turns them back into rows, and the rollup is computed from the
 * rows the insert returns, that is only from rows not stored before. Replaying a batch, whole or in
 * part, therefore changes nothing. Rollup rows are updated in key order, so that concurrent batches
 * from several replicas cannot deadlock on them.
 *
 * <p>A rollup's {@code baseline_cost_usd} counts, for each request, its baseline cost when it was
 * smart-routed and its own cost otherwise, so that {@code baseline_cost_usd - cost_usd} is exactly
 * what smart routing saved.
 */
final class LedgerBatchInsert {

	static final String SQL = """
			WITH batch AS (
			    SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
			            ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::float8[], ?::float8[], ?::float8[],
			            ?::float8[], ?::integer[], ?::text[], ?::text[], ?::boolean[], ?::integer[])
			        AS r (request_id, occurred_at, key_id, team_id, operation, requested_model, deployment, provider,
			            input_tokens, output_tokens, cached_tokens, cost_usd, baseline_cost_usd, latency_ms,
			            first_token_ms, status, error_code, route_tier, cache_hit, fallbacks)
			), inserted AS (
			    INSERT INTO spend_ledger (request_id, occurred_at, key_id, team_id, operation, requested_model,
			            deployment, provider, input_tokens, output_tokens, cached_tokens, cost_usd, baseline_cost_usd,
			            latency_ms, first_token_ms, status, error_code, route_tier, cache_hit, fallbacks)
			    SELECT * FROM batch
			    ON CONFLICT DO NOTHING
			    RETURNING occurred_at, key_id, team_id, requested_model, status, input_tokens, output_tokens,
			            cached_tokens, cost_usd, baseline_cost_usd
			), rolled_up AS (
			    INSERT INTO spend_daily AS daily (day, key_id, team_id, model, requests, errors, input_tokens,
			            output_tokens, cached_tokens, cost_usd, baseline_cost_usd)
			    SELECT (occurred_at AT TIME ZONE 'UTC')::date, key_id, team_id, requested_model, count(*),
			            count(*) FILTER (WHERE status >= 400), sum(input_tokens), sum(output_tokens), sum(cached_tokens),
			            coalesce(sum(cost_usd), 0), coalesce(sum(coalesce(baseline_cost_usd, cost_usd)), 0)
			    FROM inserted
			    GROUP BY 1, 2, 3, 4
			    ORDER BY 1, 2, 3, 4
			    ON CONFLICT ON CONSTRAINT spend_daily_identity DO UPDATE SET
			        requests = daily.requests + EXCLUDED.requests,
			        errors = daily.errors + EXCLUDED.errors,
			        input_tokens = daily.input_tokens + EXCLUDED.input_tokens,
			        output_tokens = daily.output_tokens + EXCLUDED.output_tokens,
			        cached_tokens = daily.cached_tokens + EXCLUDED.cached_tokens,
			        cost_usd = daily.cost_usd + EXCLUDED.cost_usd,
			        baseline_cost_usd = daily.baseline_cost_usd + EXCLUDED.baseline_cost_usd
			)
			SELECT count(*) FROM inserted
			""";

	private LedgerBatchInsert() {
	}

	/** Returns how many of the rows were new. */
	static int execute(Connection connection, PreparedStatement statement, List<LedgerEntry> rows) throws SQLException {
		int n = rows.size();
		String[] requestIds = new String[n];
		String[] occurredAt = new String[n];
		UUID[] keyIds = new UUID[n];
		UUID[] teamIds = new UUID[n];
		String[] operations = new String[n];
		String[] requestedModels = new String[n];
		String[] deployments = new String[n];
		String[] providers = new String[n];
		Integer[] inputTokens = new Integer[n];
		Integer[] outputTokens = new Integer[n];
		Integer[] cachedTokens = new Integer[n];
		Double[] costs = new Double[n];
		Double[] baselineCosts = new Double[n];
		Double[] latencies = new Double[n];
		Double[] firstTokens = new Double[n];
		Integer[] statuses = new Integer[n];
		String[] errorCodes = new String[n];
		String[] routeTiers = new String[n];
		Boolean[] cacheHits = new Boolean[n];
		Integer[] fallbacks = new Integer[n];
		for (int i = 0; i < n; i++) {
			LedgerEntry row = rows.get(i);
			requestIds[i] = row.requestId();
			occurredAt[i] = row.occurredAt().toString();
			keyIds[i] = row.keyId();
			teamIds[i] = row.teamId();
			operations[i] = row.operation();
			requestedModels[i] = row.requestedModel();
			deployments[i] = row.deployment();
			providers[i] = row.provider();
			inputTokens[i] = row.inputTokens();
			outputTokens[i] = row.outputTokens();
			cachedTokens[i] = row.cachedTokens();
			costs[i] = row.costUsd();
			baselineCosts[i] = row.baselineCostUsd();
			latencies[i] = row.latencyMs();
			firstTokens[i] = row.firstTokenMs();
			statuses[i] = row.status();
			errorCodes[i] = row.errorCode();
			routeTiers[i] = row.routeTier();
			cacheHits[i] = row.cacheHit();
			fallbacks[i] = row.fallbacks();
		}
		Object[][] columns = { requestIds, occurredAt, keyIds, teamIds, operations, requestedModels, deployments,
				providers, inputTokens, outputTokens, cachedTokens, costs, baselineCosts, latencies, firstTokens, statuses,
				errorCodes, routeTiers, cacheHits, fallbacks };
		String[] types = { "text", "text", "uuid", "uuid", "text", "text", "text", "text", "int4", "int4", "int4",
				"float8", "float8", "float8", "float8", "int4", "text", "text", "bool", "int4" };
		for (int i = 0; i < columns.length; i++) {
			statement.setArray(i + 1, connection.createArrayOf(types[i], columns[i]));
		}
		try (ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
	}

}
