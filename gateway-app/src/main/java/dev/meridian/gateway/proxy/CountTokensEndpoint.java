package dev.meridian.gateway.proxy;

import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.auth.ClientKeyAuthenticator;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.governance.Caller;
import dev.meridian.gateway.json.ClientRequestScanner;
import dev.meridian.gateway.json.ScannedRequest;
import dev.meridian.gateway.json.UpstreamRequestBody;
import dev.meridian.gateway.provider.UpstreamRequest;
import dev.meridian.gateway.provider.WireFormat;
import dev.meridian.gateway.routing.ActiveRoutingTable;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.ModelGroup;
import dev.meridian.gateway.routing.RoutingTable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/messages/count_tokens}: Anthropic counts for its own models; for every other model
 * Meridian answers with a local estimate, so the Anthropic SDKs' token counting works everywhere.
 */
final class CountTokensEndpoint implements WebHandler {

	static final String PATH = "/v1/messages/count_tokens";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ActiveRoutingTable routes;

	private final ClientKeyAuthenticator authenticator;

	private final RequestBodyReader bodies;

	CountTokensEndpoint(ActiveRoutingTable routes, ClientKeyAuthenticator authenticator, RequestBodyReader bodies) {
		this.routes = routes;
		this.authenticator = authenticator;
		this.bodies = bodies;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		return Mono.defer(() -> {
			if (exchange.getRequest().getMethod() != HttpMethod.POST) {
				return Mono.error(new GatewayException(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request_error", null, null,
						PATH + " only accepts POST."));
			}
			Caller caller = authenticator.authenticate(exchange.getRequest().getHeaders());
			return bodies.read(exchange.getRequest()).flatMap(body -> count(response, caller, body));
		});
	}

	private Mono<Void> count(ServerHttpResponse response, Caller caller, byte[] body) {
		ScannedRequest request = ClientRequestScanner.scan(body, "messages");
		RoutingTable table = routes.get();
		ModelGroup group = table.group(request.model());
		if (group == null) {
			return Mono.error(GatewayException.modelNotFound(request.model()));
		}
		if (!caller.mayUse(request.model())) {
			return Mono.error(GatewayException.modelNotAllowed(request.model()));
		}
		Deployment deployment = group.choose();
		if (deployment.provider().type().wireFormat() == WireFormat.ANTHROPIC) {
			return askAnthropic(response, body, request, deployment, table);
		}
		long tokens;
		try {
			tokens = TokenEstimate.inputTokens(JSON.readTree(body));
		}
		catch (JacksonException ex) {
			return Mono.error(GatewayException.invalidJson(ex.getOriginalMessage()));
		}
		return write(response, 200, ("{\"input_tokens\":" + tokens + "}").getBytes(StandardCharsets.US_ASCII));
	}

	private static Mono<Void> askAnthropic(ServerHttpResponse response, byte[] body, ScannedRequest request,
			Deployment deployment, RoutingTable table) {
		byte[] upstreamBody = UpstreamRequestBody.of(body, request, deployment.upstreamModel(), false).bytes();
		UpstreamRequest upstreamRequest = UpstreamRequest
			.of(deployment.provider().baseUrl().resolve("/v1/messages/count_tokens"), upstreamBody);
		return UpstreamClient.post(deployment.provider(), deployment.id(), upstreamRequest, false,
				table.timeouts().firstByte())
			.flatMap(upstream -> UpstreamBodies.aggregate(upstream.body())
				.flatMap(answer -> write(response, upstream.status(), answer)));
	}

	private static Mono<Void> write(ServerHttpResponse response, int status, byte[] body) {
		response.setRawStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
