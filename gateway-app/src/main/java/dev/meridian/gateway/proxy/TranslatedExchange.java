package dev.meridian.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.meridian.gateway.dialect.ClientDialect;
import dev.meridian.gateway.dialect.DialectStream;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.json.Usage;
import dev.meridian.gateway.provider.ChatAdapter;
import dev.meridian.gateway.provider.ChatStreamDecoder;
import dev.meridian.gateway.provider.UpstreamRequest;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.RoutingTable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request to a provider that speaks another API than the client: the client's request becomes
 * an OpenAI chat request, the adapter turns that into the provider's, and the answer travels back
 * the same way. Streams are translated chunk by chunk as they arrive, never collected first.
 */
final class TranslatedExchange {

	private static final Logger log = LoggerFactory.getLogger(TranslatedExchange.class);

	private static final JsonMapper JSON = JsonMapper.shared();

	private TranslatedExchange() {
	}

	static Mono<Void> forward(ServerHttpResponse response, RequestTrace trace, ClientDialect dialect,
			ChatAdapter adapter, byte[] body, String clientModel, boolean stream, Deployment deployment,
			RoutingTable.Timeouts timeouts) {
		ObjectNode clientRequest = parse(body);
		ObjectNode chatRequest = dialect.toChatRequest(clientRequest);
		UpstreamRequest upstreamRequest = adapter.chatRequest(deployment.provider(), deployment.upstreamModel(),
				chatRequest, stream);
		return UpstreamBodies.call(response, trace, deployment, upstreamRequest, stream, timeouts, adapter,
				(upstream, answer) -> stream
						? relayStream(response, trace, dialect.stream(clientRequest, clientModel),
								adapter.chatStream(clientModel), answer, deployment)
						: UpstreamBodies.aggregate(answer)
							.flatMap(whole -> writeWhole(response, trace, dialect, adapter, clientRequest, clientModel,
									deployment, whole)));
	}

	private static Mono<Void> writeWhole(ServerHttpResponse response, RequestTrace trace, ClientDialect dialect,
			ChatAdapter adapter, ObjectNode clientRequest, String clientModel, Deployment deployment, byte[] answer) {
		trace.upstreamEnded();
		ObjectNode completion = adapter.chatCompletion(answer, clientModel);
		trace.usage(usage(completion));
		byte[] translated = dialect.fromChatCompletion(completion, clientRequest, clientModel);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(translated.length);
		MeridianHeaders.cost(headers, deployment, trace.usage());
		MeridianHeaders.served(headers, deployment, trace.overheadSoFarNanos());
		return response.writeWith(Mono.just(response.bufferFactory().wrap(translated)));
	}

	private static Mono<Void> relayStream(ServerHttpResponse response, RequestTrace trace, DialectStream encoder,
			ChatStreamDecoder decoder, Flux<byte[]> upstreamBody, Deployment deployment) {
		MeridianHeaders.stream(response.getHeaders(), MediaType.TEXT_EVENT_STREAM_VALUE);
		MeridianHeaders.served(response.getHeaders(), deployment, trace.overheadSoFarNanos());
		AtomicBoolean finished = new AtomicBoolean();
		Flux<byte[]> events = upstreamBody.map(bytes -> encode(decoder.decode(bytes), encoder, trace, finished))
			.concatWith(Mono.fromSupplier(() -> encode(decoder.finish(), encoder, trace, finished)))
			.concatWith(Mono.fromSupplier(() -> {
				// A stream closed cleanly before any finish reason was cut short all the same.
				if (!finished.get()) {
					throw GatewayException.upstreamUnreachable(deployment.id(),
							"the stream ended before the answer was complete");
				}
				return encoder.onEnd();
			}))
			.doOnComplete(trace::upstreamEnded)
			.onErrorResume(ex -> {
				trace.upstreamEnded();
				trace.streamBroken();
				GatewayException error = UpstreamClient.translate(ex, deployment.id(), Duration.ZERO);
				log.warn("Stream from {} ended early: {}", deployment.id(), error.getMessage());
				return Mono.just(encoder.onError(error));
			});
		return UpstreamBodies.writeStream(response, trace, events);
	}

	private static byte[] encode(List<ObjectNode> chunks, DialectStream encoder, RequestTrace trace,
			AtomicBoolean finished) {
		if (chunks.isEmpty()) {
			return new byte[0];
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (ObjectNode chunk : chunks) {
			trace.usage(usage(chunk));
			if (hasFinishReason(chunk)) {
				finished.set(true);
			}
			out.writeBytes(encoder.onChunk(chunk));
		}
		return out.toByteArray();
	}

	private static boolean hasFinishReason(JsonNode chunk) {
		for (JsonNode choice : chunk.path("choices")) {
			if (choice.path("finish_reason").isString()) {
				return true;
			}
		}
		return false;
	}

	private static ObjectNode parse(byte[] body) {
		try {
			return (ObjectNode) JSON.readTree(body);
		}
		catch (JacksonException | ClassCastException ex) {
			throw GatewayException.invalidJson(ex.getMessage());
		}
	}

	private static @Nullable Usage usage(JsonNode answer) {
		JsonNode usage = answer.path("usage");
		if (!usage.isObject()) {
			return null;
		}
		return new Usage(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
				usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
	}

}
