package dev.meridian.db.governance;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to list, newest first. Every filter that is not null must match.
 *
 * @param teams only entries about these teams: the team itself ({@code entity_type} {@code team}), or a
 * thing whose before or after snapshot names one of them as its {@code team_id}; null for every entry
 * @param from entries at or after this time
 * @param to entries before this time
 */
public record AuditQuery(@Nullable Set<UUID> teams, @Nullable String entityType, @Nullable String entityId,
		@Nullable String actor, @Nullable Instant from, @Nullable Instant to, int limit, long offset) {
}
