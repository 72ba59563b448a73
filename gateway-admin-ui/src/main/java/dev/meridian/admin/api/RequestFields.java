package dev.meridian.admin.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object request body, read strictly: unknown fields and values of the wrong type or range
 * are collected as {@link FieldProblem}s, so that one 400 names everything that is wrong
 * ({@link #check()}). Each getter answers null when the field is absent, is JSON {@code null}, or is
 * invalid; {@link #has} tells absent from null, which a PATCH needs (null clears a setting).
 */
public final class RequestFields {

	/** Larger amounts than this are certainly a mistake; the column holds 12 integer digits. */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	private static final int MAX_JSON_OBJECT_CHARS = 16_384;

	private final JsonNode body;

	private final List<FieldProblem> problems = new ArrayList<>();

	private final Set<String> invalid = new HashSet<>();

	private RequestFields(JsonNode body) {
		this.body = body;
	}

	/** @throws AdminApiException 400 when the body is not a JSON object or has fields not accepted */
	public static RequestFields of(@Nullable JsonNode body, List<String> accepted) {
		if (body == null || !body.isObject()) {
			throw AdminApiException.invalid(List.of(new FieldProblem(null, "The request body must be a JSON object.")));
		}
		RequestFields fields = new RequestFields(body);
		for (String name : body.propertyNames()) {
			if (!accepted.contains(name)) {
				fields.problem(name, "unknown field; accepted: " + String.join(", ", accepted));
			}
		}
		return fields;
	}

	/** Whether the field is in the body, as a value or as {@code null}. */
	public boolean has(String name) {
		return body.has(name);
	}

	/** Whether the field is in the body and no problem was found with it. */
	public boolean valid(String name) {
		return !invalid.contains(name);
	}

	public void problem(String name, String message) {
		problems.add(new FieldProblem(name, message));
		invalid.add(name);
	}

	/** @throws AdminApiException 400 listing every problem found */
	public void check() {
		if (!problems.isEmpty()) {
			throw AdminApiException.invalid(problems);
		}
	}

	/** A string that is not blank, without surrounding whitespace. */
	public @Nullable String text(String name, int maxLength) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			return reject(name, "must be a non-empty string");
		}
		String text = value.stringValue().strip();
		return (text.length() > maxLength) ? reject(name, "must be at most " + maxLength + " characters") : text;
	}

	/** Like {@link #text}, but also a problem when absent or null. */
	public @Nullable String requiredText(String name, int maxLength) {
		if (value(name) == null) {
			return reject(name, "is required");
		}
		return text(name, maxLength);
	}

	/** A required, non-blank string kept exactly as sent: a secret may hold any character. */
	public @Nullable String secret(String name, int maxLength) {
		JsonNode value = value(name);
		if (value == null) {
			return reject(name, "is required");
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			return reject(name, "must be a non-empty string");
		}
		return (value.stringValue().length() > maxLength) ? reject(name, "must be at most " + maxLength + " characters")
				: value.stringValue();
	}

	public @Nullable Integer positiveInt(String name) {
		Long value = positiveLong(name);
		if (value == null) {
			return null;
		}
		return (value > Integer.MAX_VALUE) ? reject(name, "must be at most " + Integer.MAX_VALUE) : value.intValue();
	}

	public @Nullable Long positiveLong(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
			return reject(name, "must be a whole number greater than 0");
		}
		return value.longValue();
	}

	/** An amount of money: a number, 0 or more. */
	public @Nullable BigDecimal amount(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber() || value.decimalValue().signum() < 0) {
			return reject(name, "must be a number, 0 or more");
		}
		BigDecimal amount = value.decimalValue();
		return (amount.compareTo(MAX_AMOUNT) >= 0) ? reject(name, "must be less than " + MAX_AMOUNT.toPlainString())
				: amount;
	}

	/** true or false; JSON {@code null} is a problem, since a flag has no "unset". */
	public @Nullable Boolean flag(String name) {
		if (!has(name)) {
			return null;
		}
		JsonNode value = body.get(name);
		return value.isBoolean() ? value.booleanValue() : reject(name, "must be true or false");
	}

	/** A non-empty list of non-blank strings, duplicates removed, in the order given. */
	public @Nullable List<String> names(String name, int maxLength) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isArray() || value.isEmpty()) {
			return reject(name, "must be a non-empty list of names; leave it out or null for no restriction");
		}
		Set<String> names = new LinkedHashSet<>();
		for (JsonNode element : value.values()) {
			if (!element.isString() || element.stringValue().isBlank() || element.stringValue().length() > maxLength) {
				return reject(name, "must hold only non-empty strings of at most " + maxLength + " characters");
			}
			names.add(element.stringValue().strip());
		}
		return List.copyOf(names);
	}

	public @Nullable UUID uuid(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		UUID id = value.isString() ? Ids.parse(value.stringValue()) : null;
		return (id == null) ? reject(name, "must be an id (a UUID)") : id;
	}

	/** An RFC 3339 timestamp with its offset, e.g. {@code 2026-01-31T00:00:00Z}. */
	public @Nullable Instant timestamp(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		Instant instant = value.isString() ? parseTimestamp(value.stringValue()) : null;
		return (instant == null) ? reject(name, "must be a timestamp such as 2026-01-31T00:00:00Z") : instant;
	}

	/** One of the allowed strings. */
	public @Nullable String oneOf(String name, List<String> allowed) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isString() || !allowed.contains(value.stringValue())) {
			return reject(name, "must be one of " + String.join(", ", allowed));
		}
		return value.stringValue();
	}

	/** A JSON object, as compact JSON text. */
	public @Nullable String jsonObject(String name) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			return reject(name, "must be a JSON object");
		}
		String json = value.toString();
		return (json.length() > MAX_JSON_OBJECT_CHARS)
				? reject(name, "must be at most " + MAX_JSON_OBJECT_CHARS + " characters of JSON") : json;
	}

	/** RFC 3339 as in query parameters and bodies; null when it is not one. */
	static @Nullable Instant parseTimestamp(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private @Nullable JsonNode value(String name) {
		JsonNode value = body.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	private <T> @Nullable T reject(String name, String message) {
		problem(name, message);
		return null;
	}

}
