package dev.meridian.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.RoutingTable;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading a provider's answer body and writing a stream to the client, shared by both exchanges. */
final class UpstreamBodies {

	private UpstreamBodies() {
	}

	/** The body, cut off with a 504 once the whole call has lasted {@code routing.timeout}. */
	static Flux<byte[]> limited(UpstreamResponse upstream, RequestTrace trace, RoutingTable.Timeouts timeouts,
			Deployment deployment) {
		Duration remaining = timeouts.total().minusNanos(System.nanoTime() - trace.upstreamStartNanos());
		return Deadline.limit(upstream.body(), remaining, deployment.id())
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
