package dev.meridian.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.function.BiFunction;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ChatAdapter;
import dev.meridian.gateway.provider.UpstreamRequest;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.RoutingTable;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Calling a provider, reading its answer body, and writing a stream to the client, for every exchange. */
final class UpstreamBodies {

	private UpstreamBodies() {
	}

	/**
	 * Sends the request and, once the provider has answered successfully, hands over its response
	 * with the body bounded by {@code routing.timeout}. An error answer is read whole and becomes the
	 * adapter's error, after the headers naming the deployment are set.
	 */
	static Mono<Void> call(ServerHttpResponse response, RequestTrace trace, Deployment deployment,
			UpstreamRequest request, boolean stream, RoutingTable.Timeouts timeouts, ChatAdapter errors,
			BiFunction<UpstreamResponse, Flux<byte[]>, Mono<Void>> onSuccess) {
		trace.upstreamStarted();
		return UpstreamClient.post(deployment.provider(), deployment.id(), request, stream, timeouts.firstByte())
			.flatMap(upstream -> {
				trace.upstreamAnswered();
				Flux<byte[]> body = limited(upstream, trace, timeouts, deployment);
				if (upstream.isSuccess()) {
					return onSuccess.apply(upstream, body);
				}
				return aggregate(body).flatMap(errorBody -> {
					trace.upstreamEnded();
					MeridianHeaders.served(response.getHeaders(), deployment, trace.overheadSoFarNanos());
					return Mono.error(error(errors, upstream, errorBody));
				});
			});
	}

	/** The adapter's error for the answer, with the delay the provider asked for when it is worth retrying. */
	static GatewayException error(ChatAdapter errors, UpstreamResponse upstream, byte[] body) {
		GatewayException error = errors.error(upstream.status(), upstream.headers()::get, body);
		Duration retryAfter = error.retryable() ? RetryAfter.from(upstream.headers()) : null;
		return (retryAfter == null) ? error : error.withRetryAfter(retryAfter);
	}

	/** The body, cut off with a 504 once the whole call has lasted {@code routing.timeout}. */
	static Flux<byte[]> limited(UpstreamResponse upstream, RequestTrace trace, RoutingTable.Timeouts timeouts,
			Deployment deployment) {
		Duration remaining = timeouts.total().minusNanos(System.nanoTime() - trace.upstreamStartNanos());
		return Deadline.limit(upstream, remaining, deployment.id())
			.onErrorMap(ex -> UpstreamClient.translate(ex, deployment.id(), timeouts.firstByte()));
	}

	static Mono<byte[]> aggregate(Flux<byte[]> body) {
		return body.collect(ByteArrayOutputStream::new, ByteArrayOutputStream::writeBytes)
			.map(ByteArrayOutputStream::toByteArray);
	}

	/** Writes each non-empty piece as soon as it is ready, with a flush per piece. */
	static Mono<Void> writeStream(ServerHttpResponse response, RequestTrace trace, Flux<byte[]> pieces) {
		return response.writeAndFlushWith(pieces.filter(bytes -> bytes.length > 0)
			.doOnNext(bytes -> trace.eventSent())
			.map(bytes -> Mono.just(response.bufferFactory().wrap(bytes))));
	}

}
