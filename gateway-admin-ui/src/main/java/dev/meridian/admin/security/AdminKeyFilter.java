package dev.meridian.admin.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets into the admin API only callers with the master key or an admin key, as
 * {@code Authorization: Bearer <key>} or {@code x-api-key}, and leaves the {@link AdminPrincipal}
 * they stand for on the exchange. Refusals are answered by the admin API's error handler.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AdminKeyFilter implements WebFilter {

	static final String ADMIN_API = "/api/admin/";

	private final AdminKeyAuthenticator authenticator;

	AdminKeyFilter(AdminKeyAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith(ADMIN_API)) {
			return chain.filter(exchange);
		}
		return authenticator.authenticate(MasterKey.presentedKey(exchange.getRequest().getHeaders()))
			.flatMap(principal -> {
				exchange.getAttributes().put(AdminPrincipal.ATTRIBUTE, principal);
				return chain.filter(exchange);
			});
	}

}
