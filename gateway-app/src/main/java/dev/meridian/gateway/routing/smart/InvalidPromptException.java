package dev.meridian.gateway.routing.smart;

import org.jspecify.annotations.Nullable;

/** The body is not a request the classifier can read: not JSON, or with no prompt in it. */
public final class InvalidPromptException extends IllegalArgumentException {

	private final @Nullable String field;

	public InvalidPromptException(String message, @Nullable String field) {
		super(message);
		this.field = field;
	}

	/** The field at fault, when one is. */
	public @Nullable String field() {
		return field;
	}

}
