package dev.meridian.gateway.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.UpstreamRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Sends a request to a provider over its pooled client and hands back the response at header time.
 * Connection failures become 502. A provider that sends nothing for the first-byte timeout, before
 * its headers or between two reads of its body, becomes 504.
 */
final class UpstreamClient {

	private static final String TEXT_EVENT_STREAM = "text/event-stream";

	private UpstreamClient() {
	}

	static Mono<UpstreamResponse> post(Provider provider, String deploymentId, UpstreamRequest request, boolean stream,
			Duration firstByteTimeout) {
		return provider.http()
			.post()
			.uri(request.url())
			.send((outgoing, outbound) -> {
				// Runs on the connection's event loop: no timer thread, no lock, no wake-up.
				outgoing.responseTimeout(firstByteTimeout);
				outgoing.header(HttpHeaderNames.ACCEPT, stream ? TEXT_EVENT_STREAM : HttpHeaderValues.APPLICATION_JSON);
				outgoing.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(request.body().length));
				for (Map.Entry<String, String> header : request.headers().entrySet()) {
					outgoing.requestHeaders().set(header.getKey(), header.getValue());
				}
				return outbound.send(Mono.just(Unpooled.wrappedBuffer(request.body())));
			})
			.responseConnection((response, connection) -> Mono.just(new UpstreamResponse(response.status().code(),
					response.responseHeaders(), connection.inbound().receive().asByteArray(), connection)))
			.next()
			.onErrorMap(ex -> translate(ex, deploymentId, firstByteTimeout));
	}

	static GatewayException translate(Throwable ex, String deploymentId, Duration firstByteTimeout) {
		if (ex instanceof GatewayException gateway) {
			return gateway;
		}
		if (ex instanceof ReadTimeoutException) {
			return GatewayException.upstreamTimeout(deploymentId,
					"nothing received for " + firstByteTimeout.toMillis() + " ms (routing.first_byte_timeout)");
		}
		if (ex instanceof ConnectTimeoutException || ex instanceof ConnectException) {
			return GatewayException.upstreamUnreachable(deploymentId, "connection failed (" + ex.getMessage() + ")");
		}
		if (ex instanceof PrematureCloseException || ex instanceof IOException) {
			return GatewayException.upstreamUnreachable(deploymentId, "connection closed (" + ex.getMessage() + ")");
		}
		return GatewayException.upstreamUnreachable(deploymentId, ex.getClass().getSimpleName() + ": " + ex.getMessage());
	}

}
