package dev.meridian.admin.spend;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.ledger.LedgerPosition;
import dev.meridian.db.ledger.LedgerRow;
import dev.meridian.db.ledger.SpendFilter;
import dev.meridian.db.ledger.SpendGroup;
import dev.meridian.db.ledger.SpendGrouping;
import dev.meridian.db.ledger.SpendRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where the money went. {@code GET /api/admin/v1/spend} lists ledger rows newest first, a page at a
 * time: {@code limit} rows (default 100, at most 1000) and, while more remain, a {@code next_cursor}
 * to pass as {@code cursor} for the next page. {@code GET /api/admin/v1/spend/summary} adds up the
 * daily rollups by {@code group_by} = {@code day} (default), {@code model}, {@code team} or
 * {@code key}. Both take {@code key_id}, {@code team_id}, {@code model}, {@code from} and {@code to}
 * (see {@link SpendQuery}), answer CSV instead of JSON to {@code Accept: text/csv}, and show a team
 * admin only the spend of their teams.
 */
@RestController
@RequestMapping("/api/admin/v1/spend")
class SpendController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	/** Where a CSV page says how to get the next one, since CSV has no room for it. */
	static final String NEXT_CURSOR_HEADER = "x-meridian-next-cursor";

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final SpendRepository spend;

	SpendController(SpendRepository spend) {
		this.spend = spend;
	}

	@GetMapping
	Mono<ResponseEntity<?>> rows(ServerWebExchange exchange,
			@RequestParam(name = "key_id", required = false) @Nullable String keyId,
			@RequestParam(name = "team_id", required = false) @Nullable String teamId,
			@RequestParam(required = false) @Nullable String model, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor) {
		SpendFilter filter = SpendQuery.filter(AdminPrincipal.of(exchange), keyId, teamId, model, from, to);
		int pageSize = SpendQuery.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		LedgerPosition after = (cursor == null) ? null : SpendCursor.decode(cursor);
		boolean csv = wantsCsv(exchange);
		return spend.rows(filter, after, pageSize + 1).collectList().map(found -> {
			boolean more = found.size() > pageSize;
			List<LedgerRow> page = more ? found.subList(0, pageSize) : found;
			String next = more ? SpendCursor.encode(LedgerPosition.of(page.getLast())) : null;
			if (csv) {
				ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
				if (next != null) {
					answer.header(NEXT_CURSOR_HEADER, next);
				}
				return csv(answer, "spend.csv", SpendCsv.of(SpendColumn.LEDGER, page));
			}
			List<Map<String, @Nullable Object>> data = page.stream()
				.map(row -> SpendColumn.object(SpendColumn.LEDGER, row))
				.toList();
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new SpendPage(data, more, next));
		});
	}

	@GetMapping("/summary")
	Mono<ResponseEntity<?>> summary(ServerWebExchange exchange,
			@RequestParam(name = "group_by", required = false) @Nullable String groupBy,
			@RequestParam(name = "key_id", required = false) @Nullable String keyId,
			@RequestParam(name = "team_id", required = false) @Nullable String teamId,
			@RequestParam(required = false) @Nullable String model, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		SpendGrouping grouping = (groupBy == null) ? SpendGrouping.DAY : SpendGrouping.of(groupBy);
		if (grouping == null) {
			throw AdminApiException.invalid("group_by", "group_by must be one of day, model, team, key.");
		}
		SpendFilter filter = SpendQuery.filter(AdminPrincipal.of(exchange), keyId, teamId, model, from, to);
		boolean csv = wantsCsv(exchange);
		List<SpendColumn<SpendGroup>> columns = SpendColumn.summary(grouping);
		return spend.summary(filter, grouping).collectList().map(groups -> {
			if (csv) {
				return csv(ResponseEntity.ok(), "spend-by-" + grouping.value() + ".csv", SpendCsv.of(columns, groups));
			}
			SpendGroup totals = groups.stream().reduce(SpendGroup.none(), SpendGroup::plus);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.body(new SpendSummary(grouping.value(),
						groups.stream().map(group -> SpendColumn.object(columns, group)).toList(),
						SpendColumn.object(SpendColumn.totals(), totals)));
		});
	}

	private static ResponseEntity<?> csv(ResponseEntity.BodyBuilder answer, String filename, String body) {
		return answer.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

	/** CSV when the caller asks for it at least as much as for JSON; JSON otherwise, also to a bare wildcard. */
	private static boolean wantsCsv(ServerWebExchange exchange) {
		double csv = 0;
		double json = 0;
		for (MediaType accepted : exchange.getRequest().getHeaders().getAccept()) {
			if (accepted.isWildcardType()) {
				continue;
			}
			if (accepted.isCompatibleWith(CSV)) {
				csv = Math.max(csv, accepted.getQualityValue());
			}
			if (accepted.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				json = Math.max(json, accepted.getQualityValue());
			}
		}
		return csv > 0 && csv >= json;
	}

	/** A page of ledger rows. */
	record SpendPage(List<Map<String, @Nullable Object>> data, boolean hasMore, @Nullable String nextCursor) {
	}

	/** Totals per group, and over every group. */
	record SpendSummary(String groupBy, List<Map<String, @Nullable Object>> data, Map<String, @Nullable Object> totals) {
	}

}
