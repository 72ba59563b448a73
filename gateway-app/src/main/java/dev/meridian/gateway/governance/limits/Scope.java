package dev.meridian.gateway.governance.limits;

/** Whose limit or budget a counter belongs to. */
public enum Scope {

	KEY("key"), TEAM("team");

	private final String label;

	Scope(String label) {
		this.label = label;
	}

	/** The word used in messages and in shared counter names. */
	public String label() {
		return label;
	}

}
