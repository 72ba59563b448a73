package dev.meridian.gateway.proxy;

import dev.meridian.gateway.GatewayProperties;
import dev.meridian.gateway.error.GatewayException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a client's request body into one array, refusing with 413 as soon as it is known to exceed
 * {@code meridian.max-request-body}: from {@code Content-Length} before reading, or while reading.
 */
@Component
class RequestBodyReader {

	private final int maxBytes;

	RequestBodyReader(GatewayProperties properties) {
		this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxRequestBody().toBytes());
	}

	Mono<byte[]> read(ServerHttpRequest request) {
		if (request.getHeaders().getContentLength() > maxBytes) {
			return Mono.error(GatewayException.bodyTooLarge(maxBytes));
		}
		return DataBufferUtils.join(request.getBody(), maxBytes)
			.map(RequestBodyReader::toBytes)
			.onErrorMap(DataBufferLimitException.class, ex -> GatewayException.bodyTooLarge(maxBytes))
			.switchIfEmpty(Mono.error(() -> GatewayException.invalidJson("the request body is empty")));
	}

	private static byte[] toBytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
