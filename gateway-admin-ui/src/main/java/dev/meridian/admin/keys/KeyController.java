package dev.meridian.admin.keys;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.admin.api.Ids;
import dev.meridian.admin.api.ListPage;
import dev.meridian.admin.api.Paging;
import dev.meridian.admin.api.QueryParameters;
import dev.meridian.admin.audit.AuditTrail;
import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.governance.IssuedKey;
import dev.meridian.db.governance.KeyQuery;
import dev.meridian.db.governance.KeySettings;
import dev.meridian.db.governance.KeyStatus;
import dev.meridian.db.governance.TeamRepository;
import dev.meridian.db.governance.VirtualKey;
import dev.meridian.db.governance.VirtualKeyRepository;
import dev.meridian.db.governance.VirtualKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/admin/v1/keys}. The plaintext of a key is in the answer that issues or rotates it and
 * nowhere else. A team admin issues and manages its own team's keys only: keys of other teams and
 * team-less keys are 404 to it, issuing into another team is 403. Every change is written to the
 * audit log in the same transaction; the database notifies every replica.
 */
@RestController
@RequestMapping(KeyController.PATH)
class KeyController {

	static final String PATH = "/api/admin/v1/keys";

	private static final String KEY = "key";

	private static final List<String> STATUSES = Arrays.stream(KeyStatus.values()).map(KeyStatus::value).toList();

	private final VirtualKeyRepository keys;

	private final TeamRepository teams;

	private final AuditTrail audit;

	private final TransactionalOperator transaction;

	KeyController(VirtualKeyRepository keys, TeamRepository teams, AuditTrail audit, TransactionalOperator transaction) {
		this.keys = keys;
		this.teams = teams;
		this.audit = audit;
		this.transaction = transaction;
	}

	@PostMapping
	Mono<ResponseEntity<KeyView>> create(@RequestBody(required = false) @Nullable JsonNode body,
			ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		KeyFields.Draft draft = KeyFields.forCreate(body);
		UUID teamId = teamOfNewKey(principal, draft.teamId());
		IssuedKey issued = VirtualKeys.generate();
		Mono<Void> teamExists = (teamId == null) ? Mono.empty()
				: teams.findById(teamId)
					.switchIfEmpty(Mono.error(() -> AdminApiException.invalid("team_id", "no team has this id")))
					.then();
		return transaction
			.transactional(teamExists.then(keys.create(draft.settings(), teamId, null, issued))
				.flatMap(key -> audit.record(principal, "create", AuditTrail.VIRTUAL_KEY, key.id(), null, KeyView.of(key))
					.thenReturn(key)))
			.map(key -> ResponseEntity.created(URI.create(PATH + "/" + key.id())).body(KeyView.of(key, issued.plaintext())));
	}

	@GetMapping
	Mono<ListPage<KeyView>> list(@RequestParam(name = "team_id", required = false) @Nullable String teamId,
			@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset, ServerWebExchange exchange) {
		QueryParameters parameters = new QueryParameters();
		UUID team = parameters.uuid("team_id", teamId);
		String statusName = parameters.oneOf("status", status, STATUSES);
		Paging paging = Paging.of(parameters, limit, offset);
		parameters.check();
		Set<UUID> within = AdminPrincipal.of(exchange).teams();
		return keys.list(new KeyQuery(within, team, (statusName == null) ? null : KeyStatus.of(statusName),
				paging.fetch(), paging.offset()))
			.map(KeyView::of)
			.collectList()
			.map(paging::page);
	}

	@GetMapping("/{id}")
	Mono<KeyView> get(@PathVariable String id, ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		return keys.findById(Ids.inPath(id, KEY))
			.filter(key -> principal.reaches(key.teamId()))
			.switchIfEmpty(Mono.error(() -> AdminApiException.notFound(KEY, id)))
			.map(KeyView::of);
	}

	/** Changes a key's settings; its team cannot change, and a revoked key cannot change at all (409). */
	@PatchMapping("/{id}")
	Mono<KeyView> update(@PathVariable String id, @RequestBody(required = false) @Nullable JsonNode body,
			ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		return change(principal, id, "update", current -> {
			KeySettings settings = KeyFields.forUpdate(body, current.settings());
			return settings.equals(current.settings()) ? Mono.just(current) : keys.update(current.id(), settings);
		}).map(KeyView::of);
	}

	/** Revokes the key, for good; revoking a revoked key answers it unchanged. */
	@DeleteMapping("/{id}")
	Mono<KeyView> revoke(@PathVariable String id, ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		return transaction.transactional(lockReachable(principal, id).flatMap(current -> {
			if (current.storedStatus() == KeyStatus.REVOKED) {
				return Mono.just(current);
			}
			return keys.revoke(current.id())
				.flatMap(revoked -> audit.record(principal, "revoke", AuditTrail.VIRTUAL_KEY, current.id(),
						KeyView.of(current), KeyView.of(revoked)).thenReturn(revoked));
		})).map(KeyView::of);
	}

	/** Gives the key a new secret, shown in this answer only; the old one stops working at once. */
	@PostMapping("/{id}/rotate")
	Mono<KeyView> rotate(@PathVariable String id, ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		IssuedKey issued = VirtualKeys.generate();
		return change(principal, id, "rotate", current -> keys.rotate(current.id(), issued))
			.map(key -> KeyView.of(key, issued.plaintext()));
	}

	/**
	 * Locks the key, applies the change unless the key is revoked, and audits it when something changed.
	 */
	private Mono<VirtualKey> change(AdminPrincipal principal, String id, String action,
			Function<VirtualKey, Mono<VirtualKey>> change) {
		return transaction.transactional(lockReachable(principal, id).flatMap(current -> {
			if (current.storedStatus() == KeyStatus.REVOKED) {
				return Mono.error(AdminApiException.conflict("key_revoked",
						"Key '" + id + "' is revoked; a revoked key cannot change. Issue a new one."));
			}
			return change.apply(current)
				.flatMap(changed -> changed.equals(current) ? Mono.just(changed)
						: audit.record(principal, action, AuditTrail.VIRTUAL_KEY, current.id(), KeyView.of(current),
								KeyView.of(changed)).thenReturn(changed));
		}));
	}

	private Mono<VirtualKey> lockReachable(AdminPrincipal principal, String id) {
		return keys.findByIdForUpdate(Ids.inPath(id, KEY))
			.filter(key -> principal.reaches(key.teamId()))
			.switchIfEmpty(Mono.error(() -> AdminApiException.notFound(KEY, id)));
	}

	/**
	 * The team a new key goes to: the one asked for, which must be within the caller's reach; without
	 * one, a team admin's own team. Only platform admins issue team-less (platform-wide) keys.
	 */
	private static @Nullable UUID teamOfNewKey(AdminPrincipal principal, @Nullable UUID requested) {
		Set<UUID> reach = principal.teams();
		if (reach == null) {
			return requested;
		}
		if (requested == null) {
			if (reach.size() != 1) {
				throw AdminApiException.forbidden("Say which of your teams the key is for, in team_id.");
			}
			return reach.iterator().next();
		}
		if (!reach.contains(requested)) {
			throw AdminApiException.forbidden("You may issue keys for your own team only.");
		}
		return requested;
	}

}
