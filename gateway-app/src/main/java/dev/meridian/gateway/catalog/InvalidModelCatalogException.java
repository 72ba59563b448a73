package dev.meridian.gateway.catalog;

import java.util.List;

/** A catalog file cannot be used; every problem found is listed, each with the model it concerns. */
public class InvalidModelCatalogException extends RuntimeException {

	private final List<String> problems;

	public InvalidModelCatalogException(String source, List<String> problems) {
		super("Invalid model catalog (" + source + "):\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
