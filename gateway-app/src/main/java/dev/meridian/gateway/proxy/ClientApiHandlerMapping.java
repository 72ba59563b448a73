package dev.meridian.gateway.proxy;

import java.time.InstantSource;
import java.util.Map;

import dev.meridian.gateway.auth.ClientKeyAuthenticator;
import dev.meridian.gateway.dialect.anthropic.MessagesDialect;
import dev.meridian.gateway.dialect.openai.ChatCompletionsDialect;
import dev.meridian.gateway.dialect.responses.ResponsesDialect;
import dev.meridian.gateway.governance.Governance;
import dev.meridian.gateway.metrics.GatewayMetrics;
import dev.meridian.gateway.routing.ActiveRoutingTable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * Maps the client API paths straight to their handlers with one map lookup: the hot path skips
 * annotation-based argument resolution and content negotiation entirely.
 */
@Component
class ClientApiHandlerMapping implements HandlerMapping, Ordered {

	/** Before Spring's own mappings, after the actuator's. */
	static final int ORDER = -50;

	private final Map<String, WebHandler> handlers;

	private final ModelsEndpoint models;

	ClientApiHandlerMapping(ActiveRoutingTable routes, ClientKeyAuthenticator authenticator, RequestBodyReader bodies,
			GatewayMetrics metrics, Governance governance, InstantSource clock) {
		this.models = new ModelsEndpoint(routes, authenticator);
		this.handlers = Map.of(
				ClientOperation.CHAT.clientPath(),
				new ClientEndpoint(ClientOperation.CHAT, new ChatCompletionsDialect(), routes, authenticator, bodies, metrics,
						governance, clock),
				ClientOperation.COMPLETIONS.clientPath(),
				new ClientEndpoint(ClientOperation.COMPLETIONS, null, routes, authenticator, bodies, metrics,
						governance, clock),
				ClientOperation.EMBEDDINGS.clientPath(),
				new ClientEndpoint(ClientOperation.EMBEDDINGS, null, routes, authenticator, bodies, metrics,
						governance, clock),
				ClientOperation.MESSAGES.clientPath(),
				new ClientEndpoint(ClientOperation.MESSAGES, new MessagesDialect(), routes, authenticator, bodies, metrics,
						governance, clock),
				ClientOperation.RESPONSES.clientPath(),
				new ClientEndpoint(ClientOperation.RESPONSES, new ResponsesDialect(), routes, authenticator, bodies, metrics,
						governance, clock),
				CountTokensEndpoint.PATH, new CountTokensEndpoint(routes, authenticator, bodies),
				ModelsEndpoint.PATH, models);
	}

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		WebHandler handler = handlers.get(path);
		if (handler == null && path.startsWith(ModelsEndpoint.PATH + "/")) {
			handler = models;
		}
		return Mono.justOrEmpty(handler);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
