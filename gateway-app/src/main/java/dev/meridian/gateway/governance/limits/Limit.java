package dev.meridian.gateway.governance.limits;

/** The two per-minute limits, named as in the {@code x-ratelimit-*-requests|tokens} headers. */
public enum Limit {

	REQUESTS("requests"), TOKENS("tokens");

	private final String label;

	Limit(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
