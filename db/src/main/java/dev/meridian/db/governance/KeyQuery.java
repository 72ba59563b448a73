package dev.meridian.db.governance;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which keys to list, newest first.
 *
 * @param within only keys of these teams; null for every key, team-less ones included
 * @param teamId only the keys of this team
 * @param status only keys with this status in force (an active key past its expiry is expired)
 */
public record KeyQuery(@Nullable Set<UUID> within, @Nullable UUID teamId, @Nullable KeyStatus status, int limit,
		long offset) {
}
