package dev.meridian.admin.credentials;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.admin.api.RequestFields;
import dev.meridian.admin.audit.AuditTrail;
import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.governance.CredentialCipher;
import dev.meridian.db.governance.ProviderCredentialRepository;
import dev.meridian.db.governance.ProviderCredentials;
import dev.meridian.db.governance.StoredCredential;
import dev.meridian.db.governance.UndecryptableCredentialException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/admin/v1/credentials}: provider API keys stored encrypted, for the routing
 * configuration to use as {@code ${credential:NAME}}. Platform admins only. Values go in and are
 * never shown again: the list has names, key ids and times.
 */
@RestController
@RequestMapping("/api/admin/v1/credentials")
class CredentialController {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

	private static final int MAX_VALUE = 65_536;

	private static final String CREDENTIAL = "credential";

	private final ProviderCredentials credentials;

	private final ProviderCredentialRepository repository;

	private final CredentialCipher cipher;

	private final AuditTrail audit;

	private final TransactionalOperator transaction;

	CredentialController(ProviderCredentials credentials, ProviderCredentialRepository repository,
			CredentialCipher cipher, AuditTrail audit, TransactionalOperator transaction) {
		this.credentials = credentials;
		this.repository = repository;
		this.cipher = cipher;
		this.audit = audit;
		this.transaction = transaction;
	}

	@GetMapping
	Mono<Map<String, List<CredentialView>>> list(ServerWebExchange exchange) {
		requirePlatform(exchange);
		return repository.findAll().map(CredentialView::of).collectList().map(all -> Map.of("data", all));
	}

	/** Stores the value under the name, encrypted with the current key, replacing any value stored before. */
	@PutMapping("/{name}")
	Mono<ResponseEntity<Void>> put(@PathVariable String name, @RequestBody(required = false) @Nullable JsonNode body,
			ServerWebExchange exchange) {
		AdminPrincipal principal = requirePlatform(exchange);
		RequestFields fields = RequestFields.of(body, List.of("value"));
		if (!NAME.matcher(name).matches()) {
			fields.problem("name", "must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
		}
		String value = fields.secret("value", MAX_VALUE);
		fields.check();
		requireEncryptionKey();
		return transaction.transactional(repository.find(name)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(before -> credentials.store(name, value)
				.flatMap(after -> audit.record(principal, before.isPresent() ? "update" : "create",
						AuditTrail.PROVIDER_CREDENTIAL, name, before.map(CredentialView::of).orElse(null),
						CredentialView.of(after)))))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@DeleteMapping("/{name}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String name, ServerWebExchange exchange) {
		AdminPrincipal principal = requirePlatform(exchange);
		return transaction.transactional(repository.delete(name)
			.switchIfEmpty(Mono.error(() -> AdminApiException.notFound(CREDENTIAL, name)))
			.flatMap(deleted -> audit.record(principal, "delete", AuditTrail.PROVIDER_CREDENTIAL, name,
					CredentialView.of(deleted), null)))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * Rewrites every credential under the current encryption key, all or nothing, so that the keys in
	 * {@code meridian.encryption-previous-keys} can be retired.
	 */
	@PostMapping("/rotate-encryption")
	Mono<ProviderCredentials.Reencryption> rotateEncryption(ServerWebExchange exchange) {
		AdminPrincipal principal = requirePlatform(exchange);
		requireEncryptionKey();
		return transaction.transactional(credentials.reencryptAll()
			.flatMap(result -> audit.record(principal, "reencrypt", AuditTrail.PROVIDER_CREDENTIAL, null, null, result)
				.thenReturn(result)))
			.onErrorMap(UndecryptableCredentialException.class,
					ex -> AdminApiException.conflict("credential_undecryptable", ex.getMessage()
							+ ". Configure its key in MERIDIAN_ENCRYPTION_PREVIOUS_KEYS, or store the credential again."));
	}

	private void requireEncryptionKey() {
		if (!cipher.canEncrypt()) {
			throw AdminApiException.conflict("encryption_key_missing",
					"No encryption key is configured: set MERIDIAN_ENCRYPTION_KEY (32 random bytes in base64,"
							+ " e.g. from 'openssl rand -base64 32') to store provider credentials.");
		}
	}

	private static AdminPrincipal requirePlatform(ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		if (!principal.platformWide()) {
			throw AdminApiException.forbidden("Only platform admins manage provider credentials.");
		}
		return principal;
	}

	/** A credential as the API shows it and the audit log records it: never its value. */
	record CredentialView(String name, String keyId, Instant createdAt, Instant updatedAt) {

		static CredentialView of(StoredCredential credential) {
			return new CredentialView(credential.name(), credential.keyId(), credential.createdAt(),
					credential.updatedAt());
		}

	}

}
