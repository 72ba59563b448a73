package dev.meridian.admin.api;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Ids in paths and bodies: a malformed id in a path is a thing that does not exist (404), not a bad request. */
public final class Ids {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private Ids() {
	}

	/** @throws AdminApiException 404 naming the thing when the id is not a UUID */
	public static UUID inPath(String id, String what) {
		UUID parsed = parse(id);
		if (parsed == null) {
			throw AdminApiException.notFound(what, id);
		}
		return parsed;
	}

	/** The UUID, or null when the text is not one in its canonical form. */
	public static @Nullable UUID parse(String text) {
		return UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
	}

}
