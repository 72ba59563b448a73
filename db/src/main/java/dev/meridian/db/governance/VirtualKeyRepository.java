package dev.meridian.db.governance;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Virtual keys. Keys are never deleted, only revoked, so that spend and audit entries keep pointing
 * at something; a revoked key stays revoked.
 */
@Repository
public class VirtualKeyRepository {

	private static final String COLUMNS = "id, name, key_hash, key_prefix, team_id, owner_user_id, admin, models,"
			+ " rpm_limit, tpm_limit, max_budget_usd, budget_period, default_tier, never_downgrade, expires_at, status,"
			+ " metadata, created_at, updated_at, revoked_at, rotated_at";

	private final DatabaseClient db;

	public VirtualKeyRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<VirtualKey> create(KeySettings settings, @Nullable UUID teamId, @Nullable UUID ownerUserId,
			IssuedKey key) {
		GenericExecuteSpec spec = db.sql("INSERT INTO virtual_key (name, key_hash, key_prefix, team_id, owner_user_id,"
				+ " admin, models, rpm_limit, tpm_limit, max_budget_usd, budget_period, default_tier, never_downgrade,"
				+ " expires_at, metadata) VALUES (:name, :keyHash, :keyPrefix, :teamId, :ownerUserId, :admin, :models,"
				+ " :rpmLimit, :tpmLimit, :maxBudgetUsd, :budgetPeriod, :defaultTier, :neverDowngrade, :expiresAt,"
				+ " :metadata) RETURNING " + COLUMNS)
			.bind("keyHash", key.hash())
			.bind("keyPrefix", key.prefix());
		spec = Columns.bind(spec, "teamId", teamId, UUID.class);
		spec = Columns.bind(spec, "ownerUserId", ownerUserId, UUID.class);
		return bindSettings(spec, settings).map(ROW).one();
	}

	public Mono<VirtualKey> findById(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM virtual_key WHERE id = :id").bind("id", id).map(ROW).one();
	}

	/** The key, locked until the surrounding transaction ends, for a read-modify-write. */
	public Mono<VirtualKey> findByIdForUpdate(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM virtual_key WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(ROW)
			.one();
	}

	/** The key whose plaintext has this {@link VirtualKeys#hash}, whatever its status. */
	public Mono<VirtualKey> findByHash(String keyHash) {
		return db.sql("SELECT " + COLUMNS + " FROM virtual_key WHERE key_hash = :keyHash")
			.bind("keyHash", keyHash)
			.map(ROW)
			.one();
	}

	public Flux<VirtualKey> list(KeyQuery query) {
		Where where = new Where();
		if (query.within() != null) {
			where.and("team_id = ANY(:within)", "within", query.within().toArray(UUID[]::new));
		}
		if (query.teamId() != null) {
			where.and("team_id = :teamId", "teamId", query.teamId());
		}
		if (query.status() != null) {
			where.and(switch (query.status()) {
				case ACTIVE -> "status = 'active' AND (expires_at IS NULL OR expires_at > now())";
				case EXPIRED -> "(status = 'expired' OR (status = 'active' AND expires_at <= now()))";
				case REVOKED -> "status = 'revoked'";
			});
		}
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM virtual_key" + where.sql()
				+ " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"))
			.bind("limit", query.limit())
			.bind("offset", query.offset())
			.map(ROW)
			.all();
	}

	/**
	 * Every key that is not revoked, for the request path's in-memory snapshot. Keys past their expiry
	 * are included: whether a key has expired is decided at each request, with {@link VirtualKey#status}.
	 */
	public Flux<VirtualKey> findAllForSnapshot() {
		return db.sql("SELECT " + COLUMNS + " FROM virtual_key WHERE status <> 'revoked'").map(ROW).all();
	}

	/** The team's keys that are not revoked yet. */
	public Flux<VirtualKey> findUnrevokedOfTeam(UUID teamId) {
		return db.sql("SELECT " + COLUMNS + " FROM virtual_key WHERE team_id = :teamId AND status <> 'revoked'"
				+ " ORDER BY created_at, id")
			.bind("teamId", teamId)
			.map(ROW)
			.all();
	}

	/** Changes what an admin may change; a revoked key is left as it is (and not returned). */
	public Mono<VirtualKey> update(UUID id, KeySettings settings) {
		return bindSettings(db.sql("UPDATE virtual_key SET name = :name, admin = :admin, models = :models,"
				+ " rpm_limit = :rpmLimit, tpm_limit = :tpmLimit, max_budget_usd = :maxBudgetUsd,"
				+ " budget_period = :budgetPeriod, default_tier = :defaultTier, never_downgrade = :neverDowngrade,"
				+ " expires_at = :expiresAt, metadata = :metadata, updated_at = now()"
				+ " WHERE id = :id AND status <> 'revoked' RETURNING " + COLUMNS), settings)
			.bind("id", id)
			.map(ROW)
			.one();
	}

	/** Revokes the key; a key revoked already is left as it is (and not returned). */
	public Mono<VirtualKey> revoke(UUID id) {
		return db.sql("UPDATE virtual_key SET status = 'revoked', revoked_at = now(), updated_at = now()"
				+ " WHERE id = :id AND status <> 'revoked' RETURNING " + COLUMNS)
			.bind("id", id)
			.map(ROW)
			.one();
	}

	/** Gives the key a new secret: the old plaintext stops working. A revoked key is not rotated (nor returned). */
	public Mono<VirtualKey> rotate(UUID id, IssuedKey key) {
		return db.sql("UPDATE virtual_key SET key_hash = :keyHash, key_prefix = :keyPrefix, rotated_at = now(),"
				+ " updated_at = now() WHERE id = :id AND status <> 'revoked' RETURNING " + COLUMNS)
			.bind("id", id)
			.bind("keyHash", key.hash())
			.bind("keyPrefix", key.prefix())
			.map(ROW)
			.one();
	}

	private static GenericExecuteSpec bindSettings(GenericExecuteSpec spec, KeySettings settings) {
		spec = Columns.bindLimits(spec, settings.limits())
			.bind("name", settings.name())
			.bind("admin", settings.admin())
			.bind("neverDowngrade", settings.neverDowngrade());
		spec = Columns.bindJson(spec, "metadata", settings.metadataJson());
		spec = Columns.bind(spec, "defaultTier", settings.defaultTier(), String.class);
		return Columns.bind(spec, "expiresAt", settings.expiresAt(), Instant.class);
	}

	private static final Function<Readable, VirtualKey> ROW = row -> new VirtualKey(Columns.id(row, "id"),
			Columns.required(row, "name", String.class), Columns.required(row, "key_hash", String.class).strip(),
			Columns.required(row, "key_prefix", String.class), row.get("team_id", UUID.class),
			row.get("owner_user_id", UUID.class), Columns.required(row, "admin", Boolean.class), Columns.limits(row),
			row.get("default_tier", String.class), Columns.required(row, "never_downgrade", Boolean.class),
			row.get("expires_at", Instant.class), KeyStatus.of(Columns.required(row, "status", String.class)),
			Columns.json(row, "metadata"), Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"),
			row.get("revoked_at", Instant.class), row.get("rotated_at", Instant.class));

}
