package dev.meridian.admin.security;

import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Lets only holders of the master key into the admin API. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AdminKeyFilter implements WebFilter {

	static final String ADMIN_API = "/api/admin/";

	private static final byte[] UNAUTHORIZED = """
			{"error":{"message":"The admin API needs the master key as 'Authorization: Bearer <key>'.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"""
		.getBytes(StandardCharsets.UTF_8);

	private final MasterKey masterKey;

	AdminKeyFilter(MasterKey masterKey) {
		this.masterKey = masterKey;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith(ADMIN_API)) {
			return chain.filter(exchange);
		}
		String key = MasterKey.presentedKey(exchange.getRequest().getHeaders());
		if (key != null && masterKey.matches(key)) {
			exchange.getAttributes().put(AdminPrincipal.ATTRIBUTE, AdminPrincipal.MASTER_KEY);
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(UNAUTHORIZED)));
	}

}
