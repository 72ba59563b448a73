package dev.meridian.gateway.testsupport;

import java.time.Duration;
import java.util.UUID;

import dev.meridian.db.governance.VirtualKeys;
import org.springframework.r2dbc.core.DatabaseClient;

/** Writes keys and teams straight into the database, as the admin API stores them. */
public final class GovernanceRows {

	private final DatabaseClient db;

	public GovernanceRows(DatabaseClient db) {
		this.db = db;
	}

	/** A new active key, then {@code UPDATE virtual_key SET <assignments>} when there are any. */
	public Issued issue(String name, String assignments) {
		String plaintext = "sk-mrd-test-" + UUID.randomUUID();
		UUID id = db.sql("INSERT INTO virtual_key (name, key_hash, key_prefix) VALUES (:name, :hash, :prefix) RETURNING id")
			.bind("name", name)
			.bind("hash", VirtualKeys.hash(plaintext))
			.bind("prefix", plaintext.substring(0, 12))
			.map(row -> row.get("id", UUID.class))
			.one()
			.block(Duration.ofSeconds(10));
		if (!assignments.isEmpty()) {
			update(id, assignments);
		}
		return new Issued(id, plaintext);
	}

	/** Runs {@code UPDATE virtual_key SET <assignments> WHERE id = <id>}. */
	public void update(UUID id, String assignments) {
		db.sql("UPDATE virtual_key SET " + assignments + ", updated_at = now() WHERE id = :id")
			.bind("id", id)
			.then()
			.block(Duration.ofSeconds(10));
	}

	public UUID team(String name, String assignments) {
		UUID id = db.sql("INSERT INTO team (name) VALUES (:name) RETURNING id")
			.bind("name", name)
			.map(row -> row.get("id", UUID.class))
			.one()
			.block(Duration.ofSeconds(10));
		if (!assignments.isEmpty()) {
			db.sql("UPDATE team SET " + assignments + " WHERE id = :id").bind("id", id).then().block(Duration.ofSeconds(10));
		}
		return id;
	}

	public record Issued(UUID id, String plaintext) {
	}

}
