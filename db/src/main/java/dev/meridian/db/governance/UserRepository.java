package dev.meridian.db.governance;

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
 * Console users and their team memberships. An email is unique: a second user with the same email
 * fails with Spring's {@link org.springframework.dao.DuplicateKeyException}.
 */
@Repository
public class UserRepository {

	private static final String COLUMNS = "id, email, display_name, password_hash, platform_admin, disabled,"
			+ " created_at, updated_at";

	private static final String MEMBERSHIP_COLUMNS = "team_id, user_id, role, created_at";

	private final DatabaseClient db;

	public UserRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<AppUser> create(String email, @Nullable String displayName, @Nullable String passwordHash,
			boolean platformAdmin) {
		GenericExecuteSpec spec = db.sql("INSERT INTO app_user (email, display_name, password_hash, platform_admin)"
				+ " VALUES (:email, :displayName, :passwordHash, :platformAdmin) RETURNING " + COLUMNS)
			.bind("email", email)
			.bind("platformAdmin", platformAdmin);
		spec = Columns.bind(spec, "displayName", displayName, String.class);
		spec = Columns.bind(spec, "passwordHash", passwordHash, String.class);
		return spec.map(USER).one();
	}

	public Mono<AppUser> findById(UUID id) {
		return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id").bind("id", id).map(USER).one();
	}

	public Mono<AppUser> findByEmail(String email) {
		return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE email = :email").bind("email", email).map(USER).one();
	}

	/** Users by email, a page at a time. */
	public Flux<AppUser> list(int limit, long offset) {
		return db.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY email LIMIT :limit OFFSET :offset")
			.bind("limit", limit)
			.bind("offset", offset)
			.map(USER)
			.all();
	}

	/** Makes the user a member of the team with the role, or changes the role of a member. */
	public Mono<TeamMembership> putMembership(UUID teamId, UUID userId, TeamRole role) {
		return db.sql("INSERT INTO team_membership (team_id, user_id, role) VALUES (:teamId, :userId, :role)"
				+ " ON CONFLICT (team_id, user_id) DO UPDATE SET role = EXCLUDED.role RETURNING " + MEMBERSHIP_COLUMNS)
			.bind("teamId", teamId)
			.bind("userId", userId)
			.bind("role", role.value())
			.map(MEMBERSHIP)
			.one();
	}

	/** @return whether the user was a member */
	public Mono<Boolean> removeMembership(UUID teamId, UUID userId) {
		return db.sql("DELETE FROM team_membership WHERE team_id = :teamId AND user_id = :userId")
			.bind("teamId", teamId)
			.bind("userId", userId)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	/** The teams the user belongs to. */
	public Flux<TeamMembership> membershipsOf(UUID userId) {
		return db.sql("SELECT " + MEMBERSHIP_COLUMNS + " FROM team_membership WHERE user_id = :userId ORDER BY team_id")
			.bind("userId", userId)
			.map(MEMBERSHIP)
			.all();
	}

	/** The members of the team. */
	public Flux<TeamMembership> membersOf(UUID teamId) {
		return db.sql("SELECT " + MEMBERSHIP_COLUMNS + " FROM team_membership WHERE team_id = :teamId"
				+ " ORDER BY created_at, user_id")
			.bind("teamId", teamId)
			.map(MEMBERSHIP)
			.all();
	}

	private static final Function<Readable, AppUser> USER = row -> new AppUser(Columns.id(row, "id"),
			Columns.required(row, "email", String.class), row.get("display_name", String.class),
			row.get("password_hash", String.class), Columns.required(row, "platform_admin", Boolean.class),
			Columns.required(row, "disabled", Boolean.class), Columns.instant(row, "created_at"),
			Columns.instant(row, "updated_at"));

	private static final Function<Readable, TeamMembership> MEMBERSHIP = row -> new TeamMembership(
			Columns.id(row, "team_id"), Columns.id(row, "user_id"),
			TeamRole.of(Columns.required(row, "role", String.class)), Columns.instant(row, "created_at"));

}
