package dev.meridian.admin.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every failure under {@code /api/admin/} with the OpenAI error envelope, which admin
 * scripts and the client SDKs already know how to read; a validation failure also lists every
 * field that is wrong in {@code error.fields}. Never a stack trace or an HTML page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminApiErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminApiErrorHandler.class);

	static final String ADMIN_API = "/api/admin/";

	private static final JsonMapper JSON = JsonMapper.shared();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (!exchange.getRequest().getPath().value().startsWith(ADMIN_API) || response.isCommitted()) {
			return Mono.error(ex);
		}
		AdminApiException error = asAdminApiException(ex);
		byte[] body = JSON.writeValueAsBytes(Map.of("error", new ErrorBody(error.getMessage(), error.type(),
				error.param(), error.code(), error.fields())));
		response.setStatusCode(error.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private static AdminApiException asAdminApiException(Throwable ex) {
		if (ex instanceof AdminApiException admin) {
			return admin;
		}
		if (ex instanceof UnsupportedMediaTypeStatusException) {
			return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "Send the request body as application/json.");
		}
		if (ex instanceof ServerWebInputException input) {
			String cause = String.valueOf(input.getMostSpecificCause().getMessage()).lines().findFirst().orElse("");
			return status(HttpStatus.BAD_REQUEST, "invalid_json", "The request body is not valid JSON: " + cause);
		}
		if (ex instanceof ResponseStatusException statusException) {
			HttpStatus status = HttpStatus.resolve(statusException.getStatusCode().value());
			if (status == null) {
				status = HttpStatus.BAD_REQUEST;
			}
			return switch (status) {
				case NOT_FOUND -> status(status, "not_found", "Unknown admin API path. Check the path and the HTTP method.");
				case METHOD_NOT_ALLOWED -> status(status, null, "This path does not accept that HTTP method.");
				default -> status(status, null,
						(statusException.getReason() == null) ? status.getReasonPhrase() : statusException.getReason());
			};
		}
		log.error("Unexpected failure on the admin API", ex);
		return new AdminApiException(HttpStatus.INTERNAL_SERVER_ERROR, "api_error", "internal_error", null,
				"The gateway failed to process the request.", List.of());
	}

	private static AdminApiException status(HttpStatus status, @Nullable String code, String message) {
		return new AdminApiException(status, "invalid_request_error", code, null, message, List.of());
	}

	private record ErrorBody(String message, String type, @Nullable String param, @Nullable String code,
			@JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldProblem> fields) {
	}

}
