package dev.meridian.db.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which spend to read. Every field is optional.
 *
 * @param model the model the client asked for
 * @param from inclusive
 * @param to exclusive
 * @param teams the teams the reader may see; null for all, team-less spend included
 */
public record SpendFilter(@Nullable UUID keyId, @Nullable UUID teamId, @Nullable String model, @Nullable Instant from,
		@Nullable Instant to, @Nullable Set<UUID> teams) {

	public SpendFilter {
		teams = (teams == null) ? null : Set.copyOf(teams);
	}

	/** The first UTC day the range touches; null when unbounded. */
	@Nullable LocalDate firstDay() {
		return (from == null) ? null : LocalDate.ofInstant(from, ZoneOffset.UTC);
	}

	/** The first UTC day after the range (exclusive); null when unbounded. */
	@Nullable LocalDate dayAfter() {
		if (to == null) {
			return null;
		}
		LocalDate day = LocalDate.ofInstant(to, ZoneOffset.UTC);
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(to) ? day : day.plusDays(1);
	}

}
