package dev.meridian.db.governance;

import java.util.Collection;
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
 * Teams. A name is unique: creating or renaming to a taken name fails with Spring's
 * {@link org.springframework.dao.DuplicateKeyException}.
 */
@Repository
public class TeamRepository {

	private static final String COLUMNS = "id, name, models, rpm_limit, tpm_limit, max_budget_usd, budget_period,"
			+ " metadata, created_at, updated_at";

	private final DatabaseClient db;

	public TeamRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Team> create(TeamSettings settings) {
		return bindSettings(db.sql("INSERT INTO team (name, models, rpm_limit, tpm_limit, max_budget_usd, budget_period,"
				+ " metadata) VALUES (:name, :models, :rpmLimit, :tpmLimit, :maxBudgetUsd, :budgetPeriod, :metadata)"
				+ " RETURNING " + COLUMNS), settings)
			.map(ROW)
			.one();
	}

	public Mono<Team> findById(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM team WHERE id = :id").bind("id", id).map(ROW).one();
	}

	/** The team, locked until the surrounding transaction ends: no key can join it meanwhile. */
	public Mono<Team> findByIdForUpdate(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM team WHERE id = :id FOR UPDATE").bind("id", id).map(ROW).one();
	}

	/**
	 * Teams by name, a page at a time.
	 *
	 * @param within only these teams; null for all
	 */
	public Flux<Team> list(@Nullable Collection<UUID> within, int limit, long offset) {
		Where where = new Where();
		if (within != null) {
			where.and("id = ANY(:within)", "within", within.toArray(UUID[]::new));
		}
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM team" + where.sql()
				+ " ORDER BY name, id LIMIT :limit OFFSET :offset"))
			.bind("limit", limit)
			.bind("offset", offset)
			.map(ROW)
			.all();
	}

	/** Every team, for the request path's in-memory snapshot. */
	public Flux<Team> findAllForSnapshot() {
		return db.sql("SELECT " + COLUMNS + " FROM team").map(ROW).all();
	}

	public Mono<Team> update(UUID id, TeamSettings settings) {
		return bindSettings(db.sql("UPDATE team SET name = :name, models = :models, rpm_limit = :rpmLimit,"
				+ " tpm_limit = :tpmLimit, max_budget_usd = :maxBudgetUsd, budget_period = :budgetPeriod,"
				+ " metadata = :metadata, updated_at = now() WHERE id = :id RETURNING " + COLUMNS), settings)
			.bind("id", id)
			.map(ROW)
			.one();
	}

	/**
	 * Deletes the team; its keys stay, without a team. Revoke them first: a team-less key is
	 * platform-wide.
	 *
	 * @return whether there was such a team
	 */
	public Mono<Boolean> delete(UUID id) {
		return db.sql("DELETE FROM team WHERE id = :id").bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
	}

	private static GenericExecuteSpec bindSettings(GenericExecuteSpec spec, TeamSettings settings) {
		return Columns.bindJson(Columns.bindLimits(spec, settings.limits()).bind("name", settings.name()), "metadata",
				settings.metadataJson());
	}

	private static final Function<Readable, Team> ROW = row -> new Team(Columns.id(row, "id"),
			Columns.required(row, "name", String.class), Columns.limits(row), Columns.json(row, "metadata"),
			Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));

}
