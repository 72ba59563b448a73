package dev.meridian.db.routing;

import java.time.OffsetDateTime;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and appends versions of the routing configuration; versions are never modified. */
@Repository
public class RoutingConfigRepository {

	private static final String COLUMNS = "version, content, content_sha256, source, created_by, created_at";

	private final DatabaseClient db;

	public RoutingConfigRepository(DatabaseClient db) {
		this.db = db;
	}

	/** The active configuration: the newest version, whatever its source. */
	public Mono<RoutingConfigVersion> latest() {
		return db.sql("SELECT " + COLUMNS + " FROM routing_config_version ORDER BY version DESC LIMIT 1")
			.map(ROW)
			.one();
	}

	/**
	 * The newest version, locked until the surrounding transaction ends, so that two edits based on
	 * it cannot both be stored.
	 */
	public Mono<RoutingConfigVersion> latestForUpdate() {
		return db.sql("SELECT " + COLUMNS + " FROM routing_config_version ORDER BY version DESC LIMIT 1 FOR UPDATE")
			.map(ROW)
			.one();
	}

	public Mono<RoutingConfigVersion> find(int version) {
		return db.sql("SELECT " + COLUMNS + " FROM routing_config_version WHERE version = :version")
			.bind("version", version)
			.map(ROW)
			.one();
	}

	/** The newest version that came from the given source, e.g. the config file. */
	public Mono<RoutingConfigVersion> latestFrom(String source) {
		return db.sql("SELECT " + COLUMNS
				+ " FROM routing_config_version WHERE source = :source ORDER BY version DESC LIMIT 1")
			.bind("source", source)
			.map(ROW)
			.one();
	}

	/** Every version, newest first. */
	public Flux<RoutingConfigVersion> history() {
		return db.sql("SELECT " + COLUMNS + " FROM routing_config_version ORDER BY version DESC").map(ROW).all();
	}

	public Mono<RoutingConfigVersion> append(String content, String contentSha256, String source,
			@Nullable String createdBy) {
		var spec = db.sql("INSERT INTO routing_config_version (content, content_sha256, source, created_by)"
				+ " VALUES (:content, :sha, :source, :createdBy) RETURNING " + COLUMNS)
			.bind("content", content)
			.bind("sha", contentSha256)
			.bind("source", source);
		spec = (createdBy == null) ? spec.bindNull("createdBy", String.class) : spec.bind("createdBy", createdBy);
		return spec.map(ROW).one();
	}

	private static final Function<Readable, RoutingConfigVersion> ROW = row -> new RoutingConfigVersion(
			required(row, "version", Integer.class), required(row, "content", String.class),
			required(row, "content_sha256", String.class).strip(), required(row, "source", String.class),
			row.get("created_by", String.class), required(row, "created_at", OffsetDateTime.class));

	private static <T> T required(Readable row, String column, Class<T> type) {
		T value = row.get(column, type);
		if (value == null) {
			throw new IllegalStateException("routing_config_version." + column + " is null");
		}
		return value;
	}

}
