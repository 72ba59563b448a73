package dev.meridian.gateway.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.routing.Deployment;
import io.netty.buffer.Unpooled;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Sends a request body to a deployment's provider over its pooled client and hands back the
 * response at header time. Connection failures become 502 and a provider that does not start to
 * answer within the first-byte timeout becomes 504.
 */
final class UpstreamClient {

	private static final String TEXT_EVENT_STREAM = "text/event-stream";

	private UpstreamClient() {
	}

	static Mono<UpstreamResponse> post(Deployment deployment, String apiPath, byte[] body, boolean stream,
			Duration firstByteTimeout) {
		var provider = deployment.provider();
		return provider.http()
			.post()
			.uri(provider.baseUrl().resolve(apiPath))
			.send((request, outbound) -> {
				request.header(HttpHeaderNames.ACCEPT, stream ? TEXT_EVENT_STREAM : HttpHeaderValues.APPLICATION_JSON);
				request.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
				return outbound.send(Mono.just(Unpooled.wrappedBuffer(body)));
			})
			.responseConnection((response, connection) -> Mono.just(new UpstreamResponse(response.status().code(),
					response.responseHeaders(), connection.inbound().receive().asByteArray())))
			.next()
			.timeout(firstByteTimeout)
			.onErrorMap(ex -> translate(ex, deployment, firstByteTimeout));
	}

	static GatewayException translate(Throwable ex, Deployment deployment, Duration firstByteTimeout) {
		if (ex instanceof GatewayException gateway) {
			return gateway;
		}
		if (ex instanceof TimeoutException) {
			return GatewayException.upstreamTimeout(deployment.id(),
					"no response headers within " + firstByteTimeout.toMillis() + " ms");
		}
		if (ex instanceof ConnectTimeoutException || ex instanceof ConnectException) {
			return GatewayException.upstreamUnreachable(deployment.id(), "connection failed (" + ex.getMessage() + ")");
		}
		if (ex instanceof PrematureCloseException || ex instanceof IOException) {
			return GatewayException.upstreamUnreachable(deployment.id(), "connection closed (" + ex.getMessage() + ")");
		}
		return GatewayException.upstreamUnreachable(deployment.id(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
	}

}
