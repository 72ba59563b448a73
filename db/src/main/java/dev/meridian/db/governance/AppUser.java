package dev.meridian.db.governance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Someone who signs in to the console.
 *
 * @param passwordHash bcrypt; null until a password is set
 * @param platformAdmin sees and changes every team; others reach the teams they are members of
 */
public record AppUser(UUID id, String email, @Nullable String displayName, @Nullable String passwordHash,
		boolean platformAdmin, boolean disabled, Instant createdAt, Instant updatedAt) {

	/** Keeps the password hash out of logs. */
	@Override
	public String toString() {
		return "AppUser[" + id + ", " + email + (platformAdmin ? ", platform admin" : "") + (disabled ? ", disabled" : "")
				+ "]";
	}

}
