package dev.meridian.gateway.routing.smart;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** How demanding a prompt is, from cheapest to most capable model; the order matters. */
public enum Tier {

	SIMPLE, MEDIUM, COMPLEX, REASONING;

	private static final List<String> NAMES = Arrays.stream(values()).map(Tier::configName).toList();

	/** As written in the configuration and the {@code x-meridian-tier} header. */
	public String configName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** @return null when {@code name} is not a tier (case-insensitive, surrounding blanks ignored) */
	public static @Nullable Tier fromName(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String wanted = name.strip();
		for (Tier tier : values()) {
			if (tier.name().equalsIgnoreCase(wanted)) {
				return tier;
			}
		}
		return null;
	}

	public static List<String> configNames() {
		return NAMES;
	}

	/** The more demanding of the two. */
	public Tier atLeast(@Nullable Tier minimum) {
		return (minimum != null && minimum.ordinal() > ordinal()) ? minimum : this;
	}

}
