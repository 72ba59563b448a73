package dev.meridian.db.governance;

import java.util.function.Function;

import dev.meridian.db.DatabaseConfiguration;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Encrypted provider credentials by name; see {@link ProviderCredentials} for the plaintext side. */
@Repository
public class ProviderCredentialRepository {

	private static final String COLUMNS = "name, key_id, nonce, ciphertext, created_at, updated_at";

	private final DatabaseClient db;

	public ProviderCredentialRepository(DatabaseClient db) {
		this.db = db;
	}

	/** Stores the credential under its name, replacing the one stored before. */
	public Mono<StoredCredential> put(String name, CredentialCipher.Sealed sealed) {
		return db.sql("INSERT INTO provider_credential (name, key_id, nonce, ciphertext)"
				+ " VALUES (:name, :keyId, :nonce, :ciphertext) ON CONFLICT (name) DO UPDATE SET key_id = EXCLUDED.key_id,"
				+ " nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, updated_at = now() RETURNING " + COLUMNS)
			.bind("name", name)
			.bind("keyId", sealed.keyId())
			.bind("nonce", sealed.nonce())
			.bind("ciphertext", sealed.ciphertext())
			.map(ROW)
			.one()
			.flatMap(this::announced);
	}

	public Mono<StoredCredential> find(String name) {
		return db.sql("SELECT " + COLUMNS + " FROM provider_credential WHERE name = :name")
			.bind("name", name)
			.map(ROW)
			.one();
	}

	/** Every credential, by name. */
	public Flux<StoredCredential> findAll() {
		return db.sql("SELECT " + COLUMNS + " FROM provider_credential ORDER BY name").map(ROW).all();
	}

	/** Every credential, locked until the surrounding transaction ends, to rewrite them all. */
	public Flux<StoredCredential> findAllForUpdate() {
		return db.sql("SELECT " + COLUMNS + " FROM provider_credential ORDER BY name FOR UPDATE").map(ROW).all();
	}

	/** @return the credential deleted; empty when there was none */
	public Mono<StoredCredential> delete(String name) {
		return db.sql("DELETE FROM provider_credential WHERE name = :name RETURNING " + COLUMNS)
			.bind("name", name)
			.map(ROW)
			.one()
			.flatMap(this::announced);
	}

	/** Tells every replica to rebuild its routing table, whose providers may use the credential. */
	private Mono<StoredCredential> announced(StoredCredential changed) {
		return db.sql("SELECT pg_notify('" + DatabaseConfiguration.ROUTING_CONFIG_CHANNEL + "', '"
				+ ProviderCredentials.CHANGED + "')").then().thenReturn(changed);
	}

	private static final Function<Readable, StoredCredential> ROW = row -> new StoredCredential(
			Columns.required(row, "name", String.class), Columns.required(row, "key_id", String.class),
			Columns.required(row, "nonce", byte[].class), Columns.required(row, "ciphertext", byte[].class),
			Columns.instant(row, "created_at"), Columns.instant(row, "updated_at"));

}
