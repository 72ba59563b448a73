package dev.meridian.db.governance;

import java.util.function.Function;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit log: appended to in the same transaction as the change it records, never modified.
 * Snapshots must not hold secrets (key hashes, plaintexts, credential values).
 */
@Repository
public class AuditLogRepository {

	private static final String COLUMNS = "id, occurred_at, actor, action, entity_type, entity_id, before, after";

	private final DatabaseClient db;

	public AuditLogRepository(DatabaseClient db) {
		this.db = db;
	}

	public Mono<AuditEntry> append(String actor, String action, String entityType, @Nullable String entityId,
			@Nullable String beforeJson, @Nullable String afterJson) {
		GenericExecuteSpec spec = db.sql("INSERT INTO audit_log (actor, action, entity_type, entity_id, before, after)"
				+ " VALUES (:actor, :action, :entityType, :entityId, :before, :after) RETURNING " + COLUMNS)
			.bind("actor", actor)
			.bind("action", action)
			.bind("entityType", entityType);
		spec = Columns.bind(spec, "entityId", entityId, String.class);
		spec = Columns.bindJson(spec, "before", beforeJson);
		return Columns.bindJson(spec, "after", afterJson).map(ROW).one();
	}

	public Flux<AuditEntry> list(AuditQuery query) {
		Where where = new Where();
		if (query.teams() != null) {
			where.and("((entity_type = 'team' AND entity_id = ANY(:teams)) OR after ->> 'team_id' = ANY(:teams)"
					+ " OR before ->> 'team_id' = ANY(:teams))", "teams",
					query.teams().stream().map(Object::toString).toArray(String[]::new));
		}
		if (query.entityType() != null) {
			where.and("entity_type = :entityType", "entityType", query.entityType());
		}
		if (query.entityId() != null) {
			where.and("entity_id = :entityId", "entityId", query.entityId());
		}
		if (query.actor() != null) {
			where.and("actor = :actor", "actor", query.actor());
		}
		if (query.from() != null) {
			where.and("occurred_at >= :from", "from", query.from());
		}
		if (query.to() != null) {
			where.and("occurred_at < :to", "to", query.to());
		}
		return where.bind(db.sql("SELECT " + COLUMNS + " FROM audit_log" + where.sql()
				+ " ORDER BY id DESC LIMIT :limit OFFSET :offset"))
			.bind("limit", query.limit())
			.bind("offset", query.offset())
			.map(ROW)
			.all();
	}

	private static final Function<Readable, AuditEntry> ROW = row -> new AuditEntry(
			Columns.required(row, "id", Long.class), Columns.instant(row, "occurred_at"),
			Columns.required(row, "actor", String.class), Columns.required(row, "action", String.class),
			Columns.required(row, "entity_type", String.class), row.get("entity_id", String.class),
			Columns.nullableJson(row, "before"), Columns.nullableJson(row, "after"));

}
