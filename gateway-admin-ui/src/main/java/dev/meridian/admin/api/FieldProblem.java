package dev.meridian.admin.api;

import org.jspecify.annotations.Nullable;

/**
 * What is wrong with one field of a request.
 *
 * @param param the field (or query parameter); null when the whole body is wrong
 */
public record FieldProblem(@Nullable String param, String message) {
}
