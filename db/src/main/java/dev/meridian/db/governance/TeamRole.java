package dev.meridian.db.governance;

import java.util.Locale;

/** A member's role in a team: admins manage the team's keys, members see them. */
public enum TeamRole {

	ADMIN, MEMBER;

	/** The name used in the database and the APIs. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @throws IllegalArgumentException for a name that is not a role */
	public static TeamRole of(String value) {
		for (TeamRole role : values()) {
			if (role.value().equals(value)) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown team role '" + value + "'");
	}

}
