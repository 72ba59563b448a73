package dev.meridian.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.meridian.gateway.auth.ClientKeyAuthenticator;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.error.OpenAiErrorBody;
import dev.meridian.gateway.error.UpstreamErrors;
import dev.meridian.gateway.json.ByteEdits;
import dev.meridian.gateway.json.ClientRequestScanner;
import dev.meridian.gateway.json.Json;
import dev.meridian.gateway.json.ProviderResponseScanner;
import dev.meridian.gateway.json.ScannedRequest;
import dev.meridian.gateway.json.ScannedResponse;
import dev.meridian.gateway.json.UpstreamRequestBody;
import dev.meridian.gateway.metrics.GatewayMetrics;
import dev.meridian.gateway.routing.ActiveRoutingTable;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.ModelGroup;
import dev.meridian.gateway.routing.RoutingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One OpenAI API operation forwarded to the provider of the chosen deployment. The body goes
 * upstream as the client sent it (model name aside); the answer comes back as the provider sent it,
 * with the model name the client asked for. Streams are relayed event by event, flushed as they
 * arrive; a client that goes away cancels the upstream call, which closes its connection.
 */
final class ForwardingEndpoint implements WebHandler {

	private static final Logger log = LoggerFactory.getLogger(ForwardingEndpoint.class);

	private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);

	private final ClientOperation operation;

	private final ActiveRoutingTable routes;

	private final ClientKeyAuthenticator authenticator;

	private final RequestBodyReader bodies;

	private final GatewayMetrics metrics;

	ForwardingEndpoint(ClientOperation operation, ActiveRoutingTable routes, ClientKeyAuthenticator authenticator,
			RequestBodyReader bodies, GatewayMetrics metrics) {
		this.operation = operation;
		this.routes = routes;
		this.authenticator = authenticator;
		this.bodies = bodies;
		this.metrics = metrics;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		RequestTrace trace = new RequestTrace(operation);
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set(MeridianHeaders.REQUEST_ID, trace.requestId);
		return Mono.defer(() -> {
			if (exchange.getRequest().getMethod() != HttpMethod.POST) {
				return Mono.error(new GatewayException(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request_error", null, null,
						operation.clientPath() + " only accepts POST."));
			}
			authenticator.requireValidKey(exchange.getRequest().getHeaders());
			return bodies.read(exchange.getRequest());
		})
			.flatMap(body -> forward(response, trace, body))
			.doOnError(trace::failed)
			.doFinally(signal -> metrics.record(trace.outcome(signal,
					response.getStatusCode() == null ? null : response.getStatusCode().value())));
	}

	private Mono<Void> forward(ServerHttpResponse response, RequestTrace trace, byte[] body) {
		ScannedRequest request = ClientRequestScanner.scan(body, operation.requiredField());
		RoutingTable table = routes.get();
		ModelGroup group = table.group(request.model());
		if (group == null) {
			return Mono.error(GatewayException.modelNotFound(request.model()));
		}
		Deployment deployment = group.choose();
		trace.routed(group.name(), deployment);
		boolean stream = request.stream() && operation.streamable();
		UpstreamRequestBody upstreamBody = UpstreamRequestBody.of(body, request, deployment.upstreamModel(),
				deployment.provider().type().acceptsStreamOptions());
		RoutingTable.Timeouts timeouts = table.timeouts();
		trace.upstreamStarted();
		return UpstreamClient.post(deployment, operation.providerPath(), upstreamBody.bytes(), stream, timeouts.firstByte())
			.flatMap(upstream -> {
				trace.upstreamAnswered();
				Duration remaining = timeouts.total().minusNanos(System.nanoTime() - trace.upstreamStartNanos());
				Flux<byte[]> answer = Deadline.limit(upstream.body(), remaining, deployment.id())
					.onErrorMap(ex -> UpstreamClient.translate(ex, deployment, timeouts.firstByte()));
				if (!upstream.isSuccess()) {
					return aggregate(answer).flatMap(errorBody -> {
						trace.upstreamEnded();
						MeridianHeaders.served(response.getHeaders(), deployment, trace.overheadSoFarNanos());
						return Mono.error(UpstreamErrors.fromResponse(upstream.status(), errorBody));
					});
				}
				if (stream && upstream.isEventStream()) {
					return relayStream(response, trace, request, deployment, upstream, answer,
							upstreamBody.stripUsageChunk());
				}
				return aggregate(answer)
					.flatMap(whole -> writeWhole(response, trace, request, deployment, upstream, whole));
			});
	}

	private Mono<Void> writeWhole(ServerHttpResponse response, RequestTrace trace, ScannedRequest request,
			Deployment deployment, UpstreamResponse upstream, byte[] answer) {
		trace.upstreamEnded();
		ScannedResponse scanned = ProviderResponseScanner.scan(answer, 0, answer.length);
		trace.usage(scanned.usage());
		byte[] body = answer;
		if (scanned.modelStart() >= 0 && !request.model().equals(scanned.model())) {
			body = new ByteEdits().replace(scanned.modelStart(), scanned.modelEnd(), Json.quoted(request.model()))
				.applyTo(answer, 0, answer.length);
		}
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, upstream.contentType().isEmpty() ? "application/json" : upstream.contentType());
		headers.setContentLength(body.length);
		if (deployment.price() != null && trace.usage() != null) {
			MeridianHeaders.cost(headers, deployment.price().cost(trace.usage()));
		}
		MeridianHeaders.served(headers, deployment, trace.overheadSoFarNanos());
		response.setRawStatusCode(upstream.status());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private Mono<Void> relayStream(ServerHttpResponse response, RequestTrace trace, ScannedRequest request,
			Deployment deployment, UpstreamResponse upstream, Flux<byte[]> upstreamBody, boolean stripUsageChunk) {
		StreamRelay relay = new StreamRelay(request.model(), stripUsageChunk);
		HttpHeaders headers = response.getHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, upstream.contentType());
		headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
		// Tells reverse proxies such as nginx not to buffer the stream either.
		headers.set("x-accel-buffering", "no");
		MeridianHeaders.served(headers, deployment, trace.overheadSoFarNanos());
		response.setRawStatusCode(upstream.status());
		Flux<byte[]> events = upstreamBody.map(relay::onChunk)
			.concatWith(Mono.fromSupplier(relay::onComplete))
			.doOnComplete(trace::upstreamEnded)
			.onErrorResume(ex -> {
				trace.upstreamEnded();
				GatewayException error = UpstreamClient.translate(ex, deployment, Duration.ZERO);
				log.warn("Stream from {} ended early: {}", deployment.id(), error.getMessage());
				return Mono.just(streamErrorEvent(error));
			})
			.filter(bytes -> bytes.length > 0)
			.doOnNext(bytes -> trace.eventSent())
			.doFinally(signal -> trace.usage(relay.usage()));
		return response.writeAndFlushWith(events.map(bytes -> Mono.just(response.bufferFactory().wrap(bytes))));
	}

	/** An OpenAI-style error event: the SDKs raise it as an API error when they read it. */
	private static byte[] streamErrorEvent(GatewayException error) {
		byte[] json = OpenAiErrorBody.of(error);
		byte[] event = new byte[json.length + 8];
		System.arraycopy(DATA_PREFIX, 0, event, 0, DATA_PREFIX.length);
		System.arraycopy(json, 0, event, 6, json.length);
		event[event.length - 2] = '\n';
		event[event.length - 1] = '\n';
		return event;
	}

	private static Mono<byte[]> aggregate(Flux<byte[]> body) {
		return body.collect(ByteArrayOutputStream::new, ByteArrayOutputStream::writeBytes)
			.map(ByteArrayOutputStream::toByteArray);
	}

}
