package dev.meridian.admin.routing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.admin.api.FieldProblem;
import dev.meridian.admin.audit.AuditTrail;
import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.Sha256;
import dev.meridian.db.routing.RoutingConfigRepository;
import dev.meridian.db.routing.RoutingConfigVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The routing configuration in force and its history: {@code GET /api/admin/v1/routing-config}
 * answers the YAML document of the newest version, {@code .../versions} lists every version,
 * {@code PUT} stores a new version and {@code POST .../rollback/{version}} stores an old one again.
 * A new version is checked before it is stored and is in force on every replica within a second.
 * Only platform admins change it.
 */
@RestController
@RequestMapping("/api/admin/v1/routing-config")
class RoutingConfigController {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	/** Sent and answered with the document: the version it is, or the version an edit was based on. */
	static final String VERSION_HEADER = "x-meridian-config-version";

	private static final String ENTITY = "routing_config";

	private final RoutingConfigRepository repository;

	private final RoutingConfigValidator validator;

	private final AuditTrail audit;

	private final TransactionalOperator transaction;

	RoutingConfigController(RoutingConfigRepository repository, RoutingConfigValidator validator, AuditTrail audit,
			TransactionalOperator transaction) {
		this.repository = repository;
		this.validator = validator;
		this.audit = audit;
		this.transaction = transaction;
	}

	@GetMapping
	Mono<ResponseEntity<String>> active() {
		return repository.latest()
			.map(version -> ResponseEntity.ok()
				.contentType(YAML)
				.header(VERSION_HEADER, Integer.toString(version.version()))
				.body(version.content()))
			.defaultIfEmpty(ResponseEntity.ok().contentType(YAML).body(""));
	}

	@GetMapping("/versions")
	Mono<List<VersionSummary>> versions() {
		return repository.history().map(VersionSummary::of).collectList();
	}

	/**
	 * Stores the document (YAML, or JSON, which is YAML too) as the newest version. With
	 * {@code x-meridian-config-version: N}, only if N is still the newest version (409 otherwise), so
	 * that two editors do not undo each other's changes.
	 */
	@PutMapping
	Mono<ResponseEntity<VersionSummary>> replace(ServerWebExchange exchange, @RequestBody String document,
			@RequestHeader(name = VERSION_HEADER, required = false) @Nullable Integer basedOn) {
		AdminPrincipal principal = platformAdmin(exchange);
		return store(principal, document, "api", "update", basedOn);
	}

	/** Stores an earlier version's document again, as the newest version. */
	@PostMapping("/rollback/{version}")
	Mono<ResponseEntity<VersionSummary>> rollback(ServerWebExchange exchange, @PathVariable String version) {
		AdminPrincipal principal = platformAdmin(exchange);
		int number;
		try {
			number = Integer.parseInt(version);
		}
		catch (NumberFormatException ex) {
			return Mono.error(AdminApiException.notFound("configuration version", version));
		}
		return repository.find(number)
			.switchIfEmpty(Mono.error(() -> AdminApiException.notFound("configuration version", version)))
			.flatMap(earlier -> store(principal, earlier.content(), "rollback", "rollback", null));
	}

	private Mono<ResponseEntity<VersionSummary>> store(AdminPrincipal principal, String document, String source,
			String action, @Nullable Integer basedOn) {
		List<String> problems = validator.problems(document);
		if (!problems.isEmpty()) {
			return Mono.error(AdminApiException.invalid(problems.stream().map(problem -> new FieldProblem(null, problem))
				.toList()));
		}
		Mono<VersionSummary> stored = repository.latestForUpdate()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(newest -> {
				int current = newest.map(RoutingConfigVersion::version).orElse(0);
				if (basedOn != null && basedOn != current) {
					return Mono.error(AdminApiException.conflict("version_conflict", "The configuration was changed"
							+ " since version " + basedOn + "; version " + current + " is the newest. Start again from it."));
				}
				return repository.append(document, Sha256.hex(document), source, principal.actor())
					.flatMap(added -> audit.record(principal, action, ENTITY, added.version(),
							newest.map(VersionSummary::of).orElse(null), VersionSummary.of(added))
						.thenReturn(VersionSummary.of(added)));
			});
		return transaction.transactional(stored)
			.map(summary -> ResponseEntity.ok().header(VERSION_HEADER, Integer.toString(summary.version())).body(summary));
	}

	private static AdminPrincipal platformAdmin(ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		if (!principal.platformWide()) {
			throw AdminApiException.forbidden("Only platform admins change the routing configuration.");
		}
		return principal;
	}

	/** A version without its content, newest first. */
	record VersionSummary(int version, String source, @Nullable String createdBy, OffsetDateTime createdAt,
			String contentSha256) {

		static VersionSummary of(RoutingConfigVersion version) {
			return new VersionSummary(version.version(), version.source(), version.createdBy(), version.createdAt(),
					version.contentSha256());
		}

	}

}
