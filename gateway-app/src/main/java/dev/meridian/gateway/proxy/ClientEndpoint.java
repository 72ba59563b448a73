package dev.meridian.gateway.proxy;

import java.time.InstantSource;

import dev.meridian.gateway.auth.ClientKeyAuthenticator;
import dev.meridian.gateway.dialect.ClientDialect;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.governance.Governance;
import dev.meridian.gateway.json.ClientRequestScanner;
import dev.meridian.gateway.json.ScannedRequest;
import dev.meridian.gateway.metrics.GatewayMetrics;
import dev.meridian.gateway.metrics.RequestOutcome;
import dev.meridian.gateway.provider.ChatAdapter;
import dev.meridian.gateway.provider.EmbeddingAdapter;
import dev.meridian.gateway.provider.ProviderAdapters;
import dev.meridian.gateway.routing.ActiveRoutingTable;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.ModelGroup;
import dev.meridian.gateway.routing.RoutingTable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * One client API operation: checks the key, reads and validates the body, and hands the request to a
 * {@link RoutedCall}, which picks a deployment of the requested model for each attempt. When the
 * provider speaks the client's API the bytes are forwarded as they are ({@link PassthroughExchange});
 * otherwise they are translated through OpenAI chat ({@link TranslatedExchange}), or to the
 * provider's embeddings API ({@link EmbeddingsExchange}).
 */
final class ClientEndpoint implements WebHandler {

	private final ClientOperation operation;

	private final @Nullable ClientDialect dialect;

	private final ActiveRoutingTable routes;

	private final ClientKeyAuthenticator authenticator;

	private final RequestBodyReader bodies;

	private final GatewayMetrics metrics;

	private final Governance governance;

	private final InstantSource clock;

	/** @param dialect how to translate this operation; null when it is only ever forwarded */
	ClientEndpoint(ClientOperation operation, @Nullable ClientDialect dialect, ActiveRoutingTable routes,
			ClientKeyAuthenticator authenticator, RequestBodyReader bodies, GatewayMetrics metrics, Governance governance, InstantSource clock) {
		this.operation = operation;
		this.dialect = dialect;
		this.routes = routes;
		this.authenticator = authenticator;
		this.bodies = bodies;
		this.metrics = metrics;
		this.governance = governance;
		this.clock = clock;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		RequestTrace trace = new RequestTrace(operation, clock.instant());
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set(MeridianHeaders.REQUEST_ID, trace.requestId);
		return Mono.defer(() -> {
			if (exchange.getRequest().getMethod() != HttpMethod.POST) {
				return Mono.error(new GatewayException(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request_error", null, null,
						operation.clientPath() + " only accepts POST."));
			}
			trace.authenticated(authenticator.authenticate(exchange.getRequest().getHeaders()));
			return bodies.read(exchange.getRequest());
		})
			.flatMap(body -> {
				ScannedRequest request = ClientRequestScanner.scan(body, operation.requiredField());
				// One table for the whole request, even if a new configuration comes in meanwhile.
				RoutingTable table = routes.get();
				ModelGroup group = table.group(request.model());
				if (group != null) {
					trace.requested(request.model());
				}
				else if (!SmartRoute.appliesTo(table, request.model(), operation)) {
					// Unknown before forbidden: a key limited to some models still learns the name is wrong.
					return Mono.error(GatewayException.modelNotFound(request.model()));
				}
				return governance.admit(trace.caller(), request.model(), TokenEstimate.fromBodySize(body.length),
						response.getHeaders())
					.then(Mono.defer(() -> route(table, group, exchange.getRequest().getHeaders(), response, trace, body,
							request)));
			})
			.doOnError(trace::failed)
			.doFinally(signal -> {
				RequestOutcome outcome = trace.outcome(signal,
						response.getStatusCode() == null ? null : response.getStatusCode().value());
				metrics.record(outcome);
				governance.settle(trace.caller(), outcome);
			});
	}

	/** @param requested the group the client named; null for the smart-routing name, which picks one here */
	private Mono<Void> route(RoutingTable table, @Nullable ModelGroup requested, HttpHeaders clientHeaders,
			ServerHttpResponse response, RequestTrace trace, byte[] body, ScannedRequest request) {
		ModelGroup group = (requested != null) ? requested
				: SmartRoute.choose(table, body, clientHeaders, trace.caller().tierPolicy(), response, trace);
		boolean stream = request.stream() && operation.streamable();
		return new RoutedCall(table, group, TimeoutHeader.read(clientHeaders), response, trace, metrics, body, stream,
				(deployment, timeouts) -> forward(clientHeaders, response, trace, body, request, stream, deployment,
						timeouts))
			.run();
	}

	/** One attempt on one deployment, in the way its provider needs. */
	private Mono<Void> forward(HttpHeaders clientHeaders, ServerHttpResponse response, RequestTrace trace, byte[] body,
			ScannedRequest request, boolean stream, Deployment deployment, RoutingTable.Timeouts timeouts) {
		if (operation.isNativeTo(deployment.provider().type())) {
			return PassthroughExchange.forward(response, trace, operation, clientHeaders, body, request, stream,
					deployment, timeouts);
		}
		if (operation == ClientOperation.EMBEDDINGS) {
			EmbeddingAdapter embeddings = ProviderAdapters.embeddingsFor(deployment.provider().type().wireFormat());
			if (embeddings != null) {
				return EmbeddingsExchange.forward(response, trace, embeddings,
						ProviderAdapters.chatFor(deployment.provider().type().wireFormat()), body, request.model(),
						deployment, timeouts);
			}
		}
		if (dialect == null) {
			return Mono.error(GatewayException.invalidRequest("The model '" + request.model() + "' is served by a "
					+ deployment.provider().type().configName() + " provider, which cannot answer "
					+ operation.clientPath() + ".", "model"));
		}
		ChatAdapter adapter = ProviderAdapters.chatFor(deployment.provider().type().wireFormat());
		return TranslatedExchange.forward(response, trace, dialect, adapter, body, request.model(), stream, deployment,
				timeouts);
	}

}
