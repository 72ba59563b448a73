package dev.meridian.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.meridian.gateway.auth.ClientKeyAuthenticator;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.governance.Caller;
import dev.meridian.gateway.json.Json;
import dev.meridian.gateway.routing.ActiveRoutingTable;
import dev.meridian.gateway.routing.ModelGroup;
import dev.meridian.gateway.routing.RoutingTable;
import dev.meridian.gateway.routing.SmartRouting;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{model}}: the configured model names in OpenAI's
 * model list format. {@code owned_by} is the provider when all of a name's deployments share one.
 */
final class ModelsEndpoint implements WebHandler {

	static final String PATH = "/v1/models";

	private final ActiveRoutingTable routes;

	private final ClientKeyAuthenticator authenticator;

	private final long created = Instant.now().getEpochSecond();

	ModelsEndpoint(ActiveRoutingTable routes, ClientKeyAuthenticator authenticator) {
		this.routes = routes;
		this.authenticator = authenticator;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		return Mono.defer(() -> {
			if (exchange.getRequest().getMethod() != HttpMethod.GET) {
				return Mono.error(new GatewayException(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request_error", null, null,
						PATH + " only accepts GET."));
			}
			Caller caller = authenticator.authenticate(exchange.getRequest().getHeaders());
			String path = exchange.getRequest().getPath().value();
			byte[] body = path.length() > PATH.length() + 1 ? oneModel(caller, path.substring(PATH.length() + 1))
					: modelList(caller);
			ServerHttpResponse response = exchange.getResponse();
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			response.getHeaders().setContentLength(body.length);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		});
	}

	/** The models the caller may use, and the smart-routing name when there is one. */
	private byte[] modelList(Caller caller) {
		RoutingTable table = routes.get();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(ascii("{\"object\":\"list\",\"data\":["));
		boolean first = true;
		String smart = smartModel(table, caller);
		if (smart != null) {
			writeModel(out, smart, "meridian");
			first = false;
		}
		for (ModelGroup group : table.modelGroups()) {
			if (!caller.mayUse(group.name())) {
				continue;
			}
			if (!first) {
				out.write(',');
			}
			first = false;
			writeModel(out, group);
		}
		out.writeBytes(ascii("]}"));
		return out.toByteArray();
	}

	private byte[] oneModel(Caller caller, String name) {
		RoutingTable table = routes.get();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (name.equals(smartModel(table, caller))) {
			writeModel(out, name, "meridian");
			return out.toByteArray();
		}
		ModelGroup group = table.group(name);
		if (group == null || !caller.mayUse(name)) {
			throw GatewayException.modelNotFound(name);
		}
		writeModel(out, group);
		return out.toByteArray();
	}

	/** The name smart routing answers to, when it is configured and the caller may use it. */
	private static @Nullable String smartModel(RoutingTable table, Caller caller) {
		SmartRouting smart = table.smart();
		return (smart != null && caller.mayUse(smart.router().model())) ? smart.router().model() : null;
	}

	private void writeModel(ByteArrayOutputStream out, ModelGroup group) {
		long providers = group.deployments().stream().map(d -> d.provider().id()).distinct().count();
		writeModel(out, group.name(), providers == 1 ? group.deployments().getFirst().provider().id() : "meridian");
	}

	private void writeModel(ByteArrayOutputStream out, String name, String owner) {
		out.writeBytes(ascii("{\"id\":"));
		out.writeBytes(Json.quoted(name));
		out.writeBytes(ascii(",\"object\":\"model\",\"created\":" + created + ",\"owned_by\":"));
		out.writeBytes(Json.quoted(owner));
		out.write('}');
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
