package dev.meridian.admin.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Query parameters read strictly, problems collected as for bodies ({@link RequestFields}); a
 * parameter that is absent or empty reads as null.
 */
public final class QueryParameters {

	private final List<FieldProblem> problems = new ArrayList<>();

	public @Nullable Long wholeNumber(String name, @Nullable String value, long min, long max) {
		if (absent(value)) {
			return null;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
		return null;
	}

	public @Nullable UUID uuid(String name, @Nullable String value) {
		if (absent(value)) {
			return null;
		}
		UUID id = Ids.parse(value.strip());
		if (id == null) {
			problems.add(new FieldProblem(name, "must be an id (a UUID)"));
		}
		return id;
	}

	public @Nullable Instant timestamp(String name, @Nullable String value) {
		if (absent(value)) {
			return null;
		}
		Instant instant = RequestFields.parseTimestamp(value.strip());
		if (instant == null) {
			problems.add(new FieldProblem(name, "must be a timestamp such as 2026-01-31T00:00:00Z"));
		}
		return instant;
	}

	public @Nullable String oneOf(String name, @Nullable String value, List<String> allowed) {
		if (absent(value)) {
			return null;
		}
		if (!allowed.contains(value.strip())) {
			problems.add(new FieldProblem(name, "must be one of " + String.join(", ", allowed)));
			return null;
		}
		return value.strip();
	}

	/** The value without surrounding whitespace, or null when it is absent or empty. */
	public @Nullable String text(@Nullable String value) {
		return absent(value) ? null : value.strip();
	}

	/** @throws AdminApiException 400 listing every problem found */
	public void check() {
		if (!problems.isEmpty()) {
			throw AdminApiException.invalid(problems);
		}
	}

	private static boolean absent(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
