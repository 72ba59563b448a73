package dev.meridian.gateway.governance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads keys and teams from PostgreSQL in the shape the request path keeps them. */
@Component
class GovernanceStore {

	private static final String KEY_COLUMNS = "id, name, key_hash, team_id, status, expires_at, models, rpm_limit,"
			+ " tpm_limit, max_budget_usd, budget_period, default_tier, never_downgrade";

	private static final String TEAM_COLUMNS = "id, name, models, rpm_limit, tpm_limit, max_budget_usd, budget_period";

	private static final Function<Readable, ClientKey> KEY = GovernanceStore::key;

	private static final Function<Readable, Team> TEAM = GovernanceStore::team;

	private final DatabaseClient db;

	GovernanceStore(DatabaseClient db) {
		this.db = db;
	}

	Flux<ClientKey> keys() {
		return db.sql("SELECT " + KEY_COLUMNS + " FROM virtual_key").map(KEY).all();
	}

	Mono<ClientKey> key(UUID id) {
		return db.sql("SELECT " + KEY_COLUMNS + " FROM virtual_key WHERE id = :id")
			.bind("id", id)
			.map(KEY)
			.one();
	}

	Flux<Team> teams() {
		return db.sql("SELECT " + TEAM_COLUMNS + " FROM team").map(TEAM).all();
	}

	Mono<Team> team(UUID id) {
		return db.sql("SELECT " + TEAM_COLUMNS + " FROM team WHERE id = :id").bind("id", id).map(TEAM).one();
	}

	private static ClientKey key(Readable row) {
		String status = required(row, "status", String.class);
		OffsetDateTime expiresAt = row.get("expires_at", OffsetDateTime.class);
		// A key marked expired without a date is expired since forever.
		Instant expiry = (expiresAt != null) ? expiresAt.toInstant()
				: ("expired".equals(status) ? Instant.EPOCH : null);
		Boolean neverDowngrade = row.get("never_downgrade", Boolean.class);
		return new ClientKey(required(row, "id", UUID.class), required(row, "name", String.class),
				required(row, "key_hash", String.class).strip(), row.get("team_id", UUID.class), "revoked".equals(status),
				expiry, models(row), row.get("rpm_limit", Integer.class), row.get("tpm_limit", Long.class), budget(row),
				row.get("default_tier", String.class), Boolean.TRUE.equals(neverDowngrade));
	}

	private static Team team(Readable row) {
		return new Team(required(row, "id", UUID.class), required(row, "name", String.class), models(row),
				row.get("rpm_limit", Integer.class), row.get("tpm_limit", Long.class), budget(row));
	}

	private static @Nullable Set<String> models(Readable row) {
		String[] models = row.get("models", String[].class);
		return (models == null) ? null : Set.copyOf(Arrays.asList(models));
	}

	private static @Nullable Budget budget(Readable row) {
		BigDecimal limit = row.get("max_budget_usd", BigDecimal.class);
		if (limit == null) {
			return null;
		}
		String period = row.get("budget_period", String.class);
		return new Budget(limit.doubleValue(), period == null ? "total" : period);
	}

	private static <T> T required(Readable row, String column, Class<T> type) {
		T value = row.get(column, type);
		if (value == null) {
			throw new IllegalStateException(column + " is null");
		}
		return value;
	}

}
