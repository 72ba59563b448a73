package dev.meridian.db.governance;

import java.time.Instant;
import java.util.UUID;

/** A user's membership of a team. */
public record TeamMembership(UUID teamId, UUID userId, TeamRole role, Instant createdAt) {
}
