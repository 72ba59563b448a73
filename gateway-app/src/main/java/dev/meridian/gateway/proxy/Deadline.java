package dev.meridian.gateway.proxy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.meridian.gateway.error.GatewayException;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.core.publisher.Flux;

/**
 * Bounds the whole duration of an upstream answer (the first-byte timeout only bounds silences):
 * past the deadline the upstream connection is closed and the body fails with a 504. The timer
 * runs on the connection's own event loop, so it costs no thread hand-off.
 */
final class Deadline {

	private Deadline() {
	}

	static Flux<byte[]> limit(UpstreamResponse upstream, Duration remaining, String deploymentId) {
		AtomicBoolean expired = new AtomicBoolean();
		ScheduledFuture<?> timer = upstream.connection().channel().eventLoop().schedule(() -> {
			expired.set(true);
			upstream.connection().dispose();
		}, Math.max(0, remaining.toNanos()), TimeUnit.NANOSECONDS);
		return upstream.body()
			.doFinally(signal -> timer.cancel(false))
			.onErrorMap(ex -> expired.get()
					? GatewayException.upstreamTimeout(deploymentId, "the answer exceeded routing.timeout") : ex);
	}

}
