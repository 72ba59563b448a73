package dev.meridian.admin.api;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the admin API answers with its status and the OpenAI error envelope
 * {@code {"error":{"message","type","param","code","fields"}}}; see {@link AdminApiErrorHandler}.
 */
public class AdminApiException extends RuntimeException {

	private static final String INVALID_REQUEST = "invalid_request_error";

	private final HttpStatus status;

	private final String type;

	private final @Nullable String code;

	private final @Nullable String param;

	private final List<FieldProblem> fields;

	public AdminApiException(HttpStatus status, String type, @Nullable String code, @Nullable String param,
			String message, List<FieldProblem> fields) {
		super(message);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
		this.fields = List.copyOf(fields);
	}

	/** 400 naming every field that is wrong; {@code param} is the first of them. */
	public static AdminApiException invalid(List<FieldProblem> problems) {
		FieldProblem first = problems.getFirst();
		String message = (problems.size() == 1) ? describe(first)
				: problems.size() + " problems: " + problems.stream().map(AdminApiException::describe)
					.collect(Collectors.joining("; "));
		return new AdminApiException(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "invalid_value", first.param(), message,
				problems);
	}

	public static AdminApiException invalid(String param, String message) {
		return invalid(List.of(new FieldProblem(param, message)));
	}

	/** 401: no key, an unknown one, or a revoked or expired one. */
	public static AdminApiException unauthorized() {
		return new AdminApiException(HttpStatus.UNAUTHORIZED, INVALID_REQUEST, "invalid_api_key", null,
				"The admin API needs the master key or an admin key as 'Authorization: Bearer <key>'.", List.of());
	}

	/** 403: the caller is known but may not do this. */
	public static AdminApiException forbidden(String message) {
		return new AdminApiException(HttpStatus.FORBIDDEN, "permission_error", "permission_denied", null, message,
				List.of());
	}

	/** 403 about one parameter, e.g. a team outside the caller's teams. */
	public static AdminApiException forbidden(String param, String message) {
		return new AdminApiException(HttpStatus.FORBIDDEN, "permission_error", "permission_denied", param, message,
				List.of());
	}

	/** 404, also for things that exist outside the caller's reach. */
	public static AdminApiException notFound(String what, String id) {
		return new AdminApiException(HttpStatus.NOT_FOUND, INVALID_REQUEST, "not_found", null,
				"No " + what + " '" + id + "'.", List.of());
	}

	/** 409: the request is well-formed but conflicts with the current state. */
	public static AdminApiException conflict(String code, String message) {
		return new AdminApiException(HttpStatus.CONFLICT, INVALID_REQUEST, code, null, message, List.of());
	}

	public HttpStatus status() {
		return status;
	}

	public String type() {
		return type;
	}

	public @Nullable String code() {
		return code;
	}

	public @Nullable String param() {
		return param;
	}

	public List<FieldProblem> fields() {
		return fields;
	}

	private static String describe(FieldProblem problem) {
		return (problem.param() == null) ? problem.message() : problem.param() + ": " + problem.message();
	}

}
