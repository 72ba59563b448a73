package dev.meridian.admin.spend;

import org.springframework.http.HttpStatus;

/** A query parameter the spend API cannot use; answered with the OpenAI error envelope naming it. */
final class InvalidSpendQuery extends RuntimeException {

	private final HttpStatus status;

	private final String param;

	private InvalidSpendQuery(HttpStatus status, String param, String message) {
		super(message, null, false, false);
		this.status = status;
		this.param = param;
	}

	static InvalidSpendQuery badValue(String param, String message) {
		return new InvalidSpendQuery(HttpStatus.BAD_REQUEST, param, message);
	}

	static InvalidSpendQuery outOfReach(String param, String message) {
		return new InvalidSpendQuery(HttpStatus.FORBIDDEN, param, message);
	}

	HttpStatus status() {
		return status;
	}

	String param() {
		return param;
	}

	/** The envelope's {@code type}, as OpenAI names it for the status. */
	String type() {
		return (status == HttpStatus.FORBIDDEN) ? "permission_error" : "invalid_request_error";
	}

}
