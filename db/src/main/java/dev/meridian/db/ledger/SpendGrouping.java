package dev.meridian.db.ledger;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** How spend summaries are grouped; the admin API spells them {@code day}, {@code model}, {@code team}, {@code key}. */
public enum SpendGrouping {

	DAY, MODEL, TEAM, KEY;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static @Nullable SpendGrouping of(@Nullable String value) {
		if (value != null) {
			for (SpendGrouping grouping : values()) {
				if (grouping.value().equals(value)) {
					return grouping;
				}
			}
		}
		return null;
	}

}
