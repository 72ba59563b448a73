package dev.meridian.gateway.proxy;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.netty.Connection;

/**
 * A provider's answer as soon as its headers have arrived; the body follows as it is read from the
 * socket and must be consumed (or cancelled, which closes the connection).
 *
 * @param connection the connection it arrives on, for deadlines run on its own event loop
 */
record UpstreamResponse(int status, HttpHeaders headers, Flux<byte[]> body, Connection connection) {

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	String contentType() {
		String type = headers.get("content-type");
		return (type == null) ? "" : type;
	}

	boolean isEventStream() {
		return contentType().startsWith("text/event-stream");
	}

}
