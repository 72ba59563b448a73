package dev.meridian.admin.spend;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.meridian.admin.api.AdminApiException;
import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.ledger.SpendFilter;
import org.jspecify.annotations.Nullable;

/**
 * The filters every spend endpoint takes, read from their query parameters and narrowed to the
 * caller's teams. {@code from} and {@code to} take an instant ({@code 2026-03-01T12:00:00Z}, any
 * offset) or a UTC date; {@code from} is inclusive, {@code to} exclusive for an instant and
 * inclusive for a date, so that {@code from=2026-03-01&to=2026-03-31} is the whole of March.
 */
final class SpendQuery {

	private SpendQuery() {
	}

	static SpendFilter filter(AdminPrincipal caller, @Nullable String keyId, @Nullable String teamId,
			@Nullable String model, @Nullable String from, @Nullable String to) {
		UUID team = uuid("team_id", teamId);
		if (team != null && !caller.reaches(team)) {
			throw AdminApiException.forbidden("team_id", "team_id names a team outside the caller's teams.");
		}
		Instant start = time("from", from, false);
		Instant end = time("to", to, true);
		if (start != null && end != null && !end.isAfter(start)) {
			throw AdminApiException.invalid("to", "to must be later than from.");
		}
		if (model != null && model.isBlank()) {
			throw AdminApiException.invalid("model", "model must not be empty.");
		}
		return new SpendFilter(uuid("key_id", keyId), team, model, start, end, caller.teams());
	}

	static int limit(@Nullable String value, int defaultLimit, int maxLimit) {
		if (value == null) {
			return defaultLimit;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= maxLimit) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below.
		}
		throw AdminApiException.invalid("limit", "limit must be a whole number from 1 to " + maxLimit + ".");
	}

	private static @Nullable UUID uuid(String param, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw AdminApiException.invalid(param, param + " must be a UUID.");
		}
	}

	/** A date as a bound means its whole day: its start for {@code from}, the next day's start for {@code to}. */
	private static @Nullable Instant time(String param, @Nullable String value, boolean end) {
		if (value == null) {
			return null;
		}
		// An unencoded '+' of an offset arrives as a space.
		String text = value.strip().replace(' ', '+');
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			throw AdminApiException.invalid(param,
					param + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z or a date such as 2026-03-01.");
		}
	}

}
