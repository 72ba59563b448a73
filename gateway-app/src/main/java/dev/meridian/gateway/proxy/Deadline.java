package dev.meridian.gateway.proxy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.meridian.gateway.error.GatewayException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds the whole duration of an upstream answer (the first-byte timeout only covers the wait for
 * headers): past the deadline the upstream body is cancelled, closing its connection, and the flux
 * fails with a 504.
 */
final class Deadline {

	private Deadline() {
	}

	static Flux<byte[]> limit(Flux<byte[]> body, Duration remaining, String deploymentId) {
		AtomicBoolean expired = new AtomicBoolean();
		Mono<Long> deadline = Mono.delay(remaining.isNegative() ? Duration.ZERO : remaining)
			.doOnNext(tick -> expired.set(true));
		return body.takeUntilOther(deadline)
			.concatWith(Mono.defer(() -> expired.get()
					? Mono.error(GatewayException.upstreamTimeout(deploymentId, "the answer exceeded routing.timeout"))
					: Mono.empty()));
	}

}
