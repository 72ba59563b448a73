package dev.meridian.gateway.error;

import dev.meridian.gateway.dialect.anthropic.AnthropicErrorEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every failure on the client API ({@code /v1/**}) with the OpenAI error envelope and the
 * right status, before Spring Boot's own handler could render a page or a stack trace. Unexpected
 * exceptions are logged with their stack trace and reach the client as a plain 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ClientApiErrorHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ClientApiErrorHandler.class);

	public static final String CLIENT_API_PREFIX = "/v1/";

	/** The Anthropic Messages API answers errors in Anthropic's envelope, as its SDKs expect. */
	private static final String ANTHROPIC_API_PREFIX = "/v1/messages";

	private static final JsonMapper JSON = JsonMapper.shared();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith(CLIENT_API_PREFIX)) {
			return Mono.error(ex);
		}
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			log.debug("Failure after the response started, closing it: {}", ex.toString());
			return Mono.error(ex);
		}
		GatewayException error = asGatewayException(ex);
		response.setStatusCode(error.status());
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = path.startsWith(ANTHROPIC_API_PREFIX)
				? JSON.writeValueAsBytes(AnthropicErrorEnvelope.of(error))
				: OpenAiErrorBody.of(error);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	public static GatewayException asGatewayException(Throwable ex) {
		if (ex instanceof GatewayException gateway) {
			return gateway;
		}
		if (ex instanceof ResponseStatusException statusException) {
			HttpStatusCode code = statusException.getStatusCode();
			HttpStatus status = HttpStatus.resolve(code.value());
			if (status == null) {
				status = HttpStatus.BAD_REQUEST;
			}
			String message = switch (status) {
				case NOT_FOUND -> "Unknown request URL. Check the path and the HTTP method.";
				case METHOD_NOT_ALLOWED -> "This path does not accept that HTTP method.";
				case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
				default -> statusException.getReason() == null ? status.getReasonPhrase() : statusException.getReason();
			};
			return new GatewayException(status, UpstreamErrors.defaultType(status), null, null, message);
		}
		log.error("Unexpected failure on the client API", ex);
		return new GatewayException(HttpStatus.INTERNAL_SERVER_ERROR, "api_error", "internal_error", null,
				"The gateway failed to process the request.");
	}

}
