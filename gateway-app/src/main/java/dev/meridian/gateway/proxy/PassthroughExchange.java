package dev.meridian.gateway.proxy;

import java.time.Duration;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.json.ByteEdits;
import dev.meridian.gateway.json.Json;
import dev.meridian.gateway.json.ProviderResponseScanner;
import dev.meridian.gateway.json.ScannedRequest;
import dev.meridian.gateway.json.ScannedResponse;
import dev.meridian.gateway.json.UpstreamRequestBody;
import dev.meridian.gateway.provider.ProviderAdapters;
import dev.meridian.gateway.provider.UpstreamRequest;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.RoutingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request to a provider that speaks the client's API: the body goes upstream as the client sent
 * it (model name aside); the answer comes back as the provider sent it, with the model name the
 * client asked for. Streams are relayed event by event, flushed as they arrive; a client that goes
 * away cancels the upstream call, which closes its connection.
 */
final class PassthroughExchange {

	private static final Logger log = LoggerFactory.getLogger(PassthroughExchange.class);

	private PassthroughExchange() {
	}

	static Mono<Void> forward(ServerHttpResponse response, RequestTrace trace, ClientOperation operation,
			HttpHeaders clientHeaders, byte[] body, ScannedRequest request, boolean stream, Deployment deployment,
			RoutingTable.Timeouts timeouts) {
		UpstreamRequestBody upstreamBody = UpstreamRequestBody.of(body, request, deployment.upstreamModel(),
				operation.asksForStreamUsage(deployment.provider().type()));
		UpstreamRequest upstreamRequest = new UpstreamRequest(
				operation.nativeUrl(deployment.provider(), deployment.upstreamModel()),
				operation.forwardedHeaders(clientHeaders), upstreamBody.bytes());
		return UpstreamBodies.call(response, trace, deployment, upstreamRequest, stream, timeouts,
				ProviderAdapters.chatFor(deployment.provider().type().wireFormat()), (upstream, answer) -> {
					if (stream && upstream.isEventStream()) {
						return relayStream(response, trace, operation, request, deployment, upstream, answer,
								upstreamBody.stripUsageChunk());
					}
					return UpstreamBodies.aggregate(answer)
						.flatMap(whole -> writeWhole(response, trace, request, deployment, upstream, whole));
				});
	}

	private static Mono<Void> writeWhole(ServerHttpResponse response, RequestTrace trace, ScannedRequest request,
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
		MeridianHeaders.cost(headers, deployment, trace.usage());
		MeridianHeaders.served(headers, deployment, trace.overheadSoFarNanos());
		response.setRawStatusCode(upstream.status());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	private static Mono<Void> relayStream(ServerHttpResponse response, RequestTrace trace, ClientOperation operation,
			ScannedRequest request,
			Deployment deployment, UpstreamResponse upstream, Flux<byte[]> upstreamBody, boolean stripUsageChunk) {
		StreamRelay relay = new StreamRelay(request.model(), stripUsageChunk);
		MeridianHeaders.stream(response.getHeaders(), upstream.contentType());
		MeridianHeaders.served(response.getHeaders(), deployment, trace.overheadSoFarNanos());
		response.setRawStatusCode(upstream.status());
		Flux<byte[]> events = upstreamBody.map(relay::onChunk)
			.concatWith(Mono.fromSupplier(relay::onComplete))
			.doOnComplete(trace::upstreamEnded)
			.onErrorResume(ex -> {
				trace.upstreamEnded();
				trace.streamBroken();
				GatewayException error = UpstreamClient.translate(ex, deployment.id(), Duration.ZERO);
				log.warn("Stream from {} ended early: {}", deployment.id(), error.getMessage());
				return Mono.just(operation.streamErrorEvent(error));
			});
		return UpstreamBodies.writeStream(response, trace, events.doFinally(signal -> trace.usage(relay.usage())));
	}

}
