package dev.meridian.gateway.proxy;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.json.ProviderResponseScanner;
import dev.meridian.gateway.provider.ChatAdapter;
import dev.meridian.gateway.provider.EmbeddingAdapter;
import dev.meridian.gateway.provider.UpstreamRequest;
import dev.meridian.gateway.routing.Deployment;
import dev.meridian.gateway.routing.RoutingTable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An embeddings request for a provider with its own embeddings API: the adapter's calls run side by
 * side (a few at a time), and their answers are combined into one OpenAI embeddings list.
 */
final class EmbeddingsExchange {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Calls in flight for one request, so that a long input list does not flood the provider. */
	private static final int CONCURRENT_CALLS = 4;

	private EmbeddingsExchange() {
	}

	static Mono<Void> forward(ServerHttpResponse response, RequestTrace trace, EmbeddingAdapter embeddings,
			ChatAdapter errors, byte[] body, String clientModel, Deployment deployment, RoutingTable.Timeouts timeouts) {
		ObjectNode request;
		try {
			request = (ObjectNode) JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return Mono.error(GatewayException.invalidJson(ex.getOriginalMessage()));
		}
		var calls = embeddings.embeddingRequests(deployment.provider(), deployment.upstreamModel(), request);
		trace.upstreamStarted();
		return Flux.fromIterable(calls)
			.flatMapSequential(call -> answer(call, errors, deployment, timeouts, trace), CONCURRENT_CALLS)
			.collectList()
			.flatMap(answers -> {
				trace.upstreamAnswered();
				trace.upstreamEnded();
				byte[] list = JSON.writeValueAsBytes(
						embeddings.embeddings(answers, deployment.upstreamModel(), clientModel, request));
				trace.usage(ProviderResponseScanner.scan(list, 0, list.length).usage());
				HttpHeaders headers = response.getHeaders();
				headers.setContentType(MediaType.APPLICATION_JSON);
				headers.setContentLength(list.length);
				MeridianHeaders.cost(headers, deployment, trace.usage());
				MeridianHeaders.served(headers, deployment, trace.overheadSoFarNanos());
				return response.writeWith(Mono.just(response.bufferFactory().wrap(list)));
			});
	}

	private static Mono<EmbeddingAdapter.Answer> answer(UpstreamRequest call, ChatAdapter errors, Deployment deployment,
			RoutingTable.Timeouts timeouts, RequestTrace trace) {
		return UpstreamClient.post(deployment.provider(), deployment.id(), call, false, timeouts.firstByte())
			.flatMap(upstream -> UpstreamBodies.aggregate(UpstreamBodies.limited(upstream, trace, timeouts, deployment))
				.flatMap(bytes -> upstream.isSuccess()
						? Mono.just(new EmbeddingAdapter.Answer(bytes, upstream.headers()::get))
						: Mono.error(UpstreamBodies.error(errors, upstream, bytes))));
	}

}
