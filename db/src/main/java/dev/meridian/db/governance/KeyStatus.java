package dev.meridian.db.governance;

import java.util.Locale;

/** Whether a virtual key is accepted: only {@link #ACTIVE} keys are. */
public enum KeyStatus {

	ACTIVE, REVOKED, EXPIRED;

	/** The name used in the database and the APIs. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @throws IllegalArgumentException for a name that is not a status */
	public static KeyStatus of(String value) {
		for (KeyStatus status : values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown key status '" + value + "'");
	}

}
