package dev.meridian.gateway.routing;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.DatabaseNotifications;
import dev.meridian.db.governance.ProviderCredentials;
import dev.meridian.db.routing.RoutingConfigRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Puts a routing configuration stored by any replica (console, admin API, rollback) in force here
 * as soon as the database announces it, and rebuilds the one in force when a stored provider
 * credential changes; after a lost notification connection, whatever is newest.
 */
@Component
class RoutingConfigSync implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RoutingConfigSync.class);

	/** The payload sent when a stored provider credential is written or removed. */
	private static final String CREDENTIALS_CHANGED = ProviderCredentials.CHANGED;

	private final RoutingConfigRepository repository;

	private final RoutingConfigBootstrap bootstrap;

	private final DatabaseNotifications notifications;

	private final ProviderCredentials credentials;

	private @Nullable Disposable subscription;

	RoutingConfigSync(RoutingConfigRepository repository, RoutingConfigBootstrap bootstrap,
			DatabaseNotifications notifications, ProviderCredentials credentials) {
		this.credentials = credentials;
		this.repository = repository;
		this.bootstrap = bootstrap;
		this.notifications = notifications;
	}

	@Override
	public void afterPropertiesSet() {
		subscription = notifications.notices()
			.filter(notice -> notice.isResync() || DatabaseConfiguration.ROUTING_CONFIG_CHANNEL.equals(notice.channel()))
			.concatMap(notice -> Mono.zip(repository.latest(), credentials.decryptAll())
				.doOnNext(latest -> bootstrap.activate(latest.getT1(), latest.getT2(),
						notice.isResync() || CREDENTIALS_CHANGED.equals(notice.payload())))
				.then()
				.onErrorResume(ex -> {
					log.error("The newest routing configuration cannot be put in force; the previous one stays: {}",
							ex.getMessage());
					return Mono.empty();
				}))
			.subscribe();
	}

	@Override
	public void destroy() {
		if (subscription != null) {
			subscription.dispose();
		}
	}

}
