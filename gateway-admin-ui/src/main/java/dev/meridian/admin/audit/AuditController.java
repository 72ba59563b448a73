package dev.meridian.admin.audit;

import java.time.Instant;

import dev.meridian.admin.api.ListPage;
import dev.meridian.admin.api.Paging;
import dev.meridian.admin.api.QueryParameters;
import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.governance.AuditEntry;
import dev.meridian.db.governance.AuditLogRepository;
import dev.meridian.db.governance.AuditQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/admin/v1/audit}: the audit log, newest first, filtered by {@code entity_type},
 * {@code entity_id}, {@code actor}, {@code from} (inclusive) and {@code to} (exclusive). Platform
 * admins see every entry; a team admin sees the entries about its team and about things of its team.
 */
@RestController
@RequestMapping("/api/admin/v1/audit")
class AuditController {

	private final AuditLogRepository log;

	AuditController(AuditLogRepository log) {
		this.log = log;
	}

	@GetMapping
	Mono<ListPage<AuditEntryView>> list(@RequestParam(name = "entity_type", required = false) @Nullable String entityType,
			@RequestParam(name = "entity_id", required = false) @Nullable String entityId,
			@RequestParam(required = false) @Nullable String actor, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String offset, ServerWebExchange exchange) {
		AdminPrincipal principal = AdminPrincipal.of(exchange);
		QueryParameters parameters = new QueryParameters();
		Instant fromTime = parameters.timestamp("from", from);
		Instant toTime = parameters.timestamp("to", to);
		Paging paging = Paging.of(parameters, limit, offset);
		parameters.check();
		AuditQuery query = new AuditQuery(principal.teams(), parameters.text(entityType), parameters.text(entityId),
				parameters.text(actor), fromTime, toTime, paging.fetch(), paging.offset());
		return log.list(query).map(AuditEntryView::of).collectList().map(paging::page);
	}

	/** An entry as the API shows it, with its snapshots as JSON objects. */
	record AuditEntryView(long id, Instant occurredAt, String actor, String action, String entityType,
			@Nullable String entityId, @Nullable JsonNode before, @Nullable JsonNode after) {

		static AuditEntryView of(AuditEntry entry) {
			return new AuditEntryView(entry.id(), entry.occurredAt(), entry.actor(), entry.action(), entry.entityType(),
					entry.entityId(), tree(entry.beforeJson()), tree(entry.afterJson()));
		}

		private static @Nullable JsonNode tree(@Nullable String json) {
			return (json == null) ? null : JsonMapper.shared().readTree(json);
		}

	}

}
