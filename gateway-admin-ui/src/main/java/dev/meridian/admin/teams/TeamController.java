package dev.meridian.admin.teams;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.admin.api.Ids;
import dev.meridian.admin.api.ListPage;
import dev.meridian.admin.api.Paging;
import dev.meridian.admin.api.QueryParameters;
import dev.meridian.admin.audit.AuditTrail;
import dev.meridian.admin.keys.KeyView;
import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.governance.TeamRepository;
import dev.meridian.db.governance.TeamSettings;
import dev.meridian.db.governance.VirtualKey;
import dev.meridian.db.governance.VirtualKeyRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/admin/v1/teams}. Platform admins create, change and delete teams; a team admin sees its
 * own team only (others are 404) and may not change it (403): its limits and budget are the
 * platform's to set. Every change is written to the audit log in the same transaction.
 */
@RestController
@RequestMapping(TeamController.PATH)
class TeamController {

	static final String PATH = "/api/admin/v1/teams";

	private static final String TEAM = "team";

	private final TeamRepository teams;

	private final VirtualKeyRepository keys;

	private final AuditTrail audit;

	private final TransactionalOperator transaction;

	TeamController(TeamRepository teams, VirtualKeyRepository keys, AuditTrail audit, TransactionalOperator transaction) {
		this.teams = teams;
		this.keys = keys;
		this.audit = audit;
		this.transaction = transaction;
	}

	@PostMapping
	Mono<ResponseEntity<TeamView>> create(@RequestBody(required = false) @Nullable JsonNode body,
			ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		if (!principal.platformWide()) {
			throw AdminApiException.forbidden("Only platform admins create teams.");
		}
		TeamSettings settings = TeamFields.forCreate(body);
		return transaction
			.transactional(teams.create(settings)
				.flatMap(team -> audit.record(principal, "create", AuditTrail.TEAM, team.id(), null, TeamView.of(team))
					.thenReturn(team)))
			.onErrorMap(DuplicateKeyException.class, ex -> nameTaken(settings.name()))
			.map(team -> ResponseEntity.created(URI.create(PATH + "/" + team.id())).body(TeamView.of(team)));
	}

	@GetMapping
	Mono<ListPage<TeamView>> list(@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset, ServerWebExchange exchange) {
		QueryParameters parameters = new QueryParameters();
		Paging paging = Paging.of(parameters, limit, offset);
		parameters.check();
		return teams.list(AdminPrincipal.of(exchange).teams(), paging.fetch(), paging.offset())
			.map(TeamView::of)
			.collectList()
			.map(paging::page);
	}

	@GetMapping("/{id}")
	Mono<TeamView> get(@PathVariable String id, ServerWebExchange exchange) {
		UUID teamId = Ids.inPath(id, TEAM);
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		return teams.findById(teamId)
			.filter(team -> principal.reaches(team.id()))
			.switchIfEmpty(Mono.error(() -> AdminApiException.notFound(TEAM, id)))
			.map(TeamView::of);
	}

	@PatchMapping("/{id}")
	Mono<TeamView> update(@PathVariable String id, @RequestBody(required = false) @Nullable JsonNode body,
			ServerWebExchange exchange) {
		UUID teamId = Ids.inPath(id, TEAM);
		AdminPrincipal principal = requirePlatformFor(teamId, id, exchange, "Only platform admins change teams.");
		return transaction.transactional(teams.findByIdForUpdate(teamId)
			.switchIfEmpty(Mono.error(() -> AdminApiException.notFound(TEAM, id)))
			.flatMap(current -> {
				TeamSettings settings = TeamFields.forUpdate(body, current.settings());
				if (settings.equals(current.settings())) {
					return Mono.just(current);
				}
				return teams.update(teamId, settings)
					.onErrorMap(DuplicateKeyException.class, ex -> nameTaken(settings.name()))
					.flatMap(updated -> audit
						.record(principal, "update", AuditTrail.TEAM, teamId, TeamView.of(current), TeamView.of(updated))
						.thenReturn(updated));
			}))
			.map(TeamView::of);
	}

	/**
	 * Deletes the team. While it has keys that are not revoked the answer is 409, unless
	 * {@code revoke_keys=true}: then they are revoked first, in the same transaction. A key is never
	 * left behind without its team and still working, which would make it platform-wide.
	 */
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id,
			@RequestParam(name = "revoke_keys", required = false) @Nullable String revokeKeys,
			ServerWebExchange exchange) {
		UUID teamId = Ids.inPath(id, TEAM);
		AdminPrincipal principal = requirePlatformFor(teamId, id, exchange, "Only platform admins delete teams.");
		QueryParameters parameters = new QueryParameters();
		boolean revoke = "true".equals(parameters.oneOf("revoke_keys", revokeKeys, List.of("true", "false")));
		parameters.check();
		return transaction.transactional(teams.findByIdForUpdate(teamId)
			.switchIfEmpty(Mono.error(() -> AdminApiException.notFound(TEAM, id)))
			.flatMap(team -> keys.findUnrevokedOfTeam(teamId).collectList().flatMap(unrevoked -> {
				if (!unrevoked.isEmpty() && !revoke) {
					return Mono.error(AdminApiException.conflict("team_has_active_keys", "Team '" + team.name()
							+ "' still has " + unrevoked.size() + " keys that are not revoked; revoke them first,"
							+ " or delete with ?revoke_keys=true."));
				}
				return revokeAll(principal, unrevoked).then(teams.delete(teamId))
					.then(audit.record(principal, "delete", AuditTrail.TEAM, teamId, TeamView.of(team), null));
			})))
			.thenReturn(ResponseEntity.noContent().build());
	}

	private Mono<Void> revokeAll(AdminPrincipal principal, List<VirtualKey> unrevoked) {
		return Flux.fromIterable(unrevoked)
			.concatMap(key -> keys.revoke(key.id())
				.flatMap(revoked -> audit.record(principal, "revoke", AuditTrail.VIRTUAL_KEY, key.id(), KeyView.of(key),
						KeyView.of(revoked))))
			.then();
	}

	/** 404 for a team out of the caller's reach, 403 for a team admin's own team. */
	private static AdminPrincipal requirePlatformFor(UUID teamId, String id, ServerWebExchange exchange,
			String refusal) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		if (!principal.reaches(teamId)) {
			throw AdminApiException.notFound(TEAM, id);
		}
		if (!principal.platformWide()) {
			throw AdminApiException.forbidden(refusal);
		}
		return principal;
	}

	private static AdminApiException nameTaken(String name) {
		return AdminApiException.conflict("name_taken", "A team named '" + name + "' exists already.");
	}

}
