package dev.meridian.gateway.config;

import java.util.List;

/** The configuration cannot be used; every problem found is listed, each with where it is. */
public class InvalidRoutingConfigException extends RuntimeException {

	private final List<String> problems;

	public InvalidRoutingConfigException(String source, List<String> problems) {
		super("Invalid routing configuration (" + source + "):\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
