package dev.meridian.db;

import java.time.Duration;
import java.util.List;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Chooses the database (external when {@code meridian.database.url} is set, embedded otherwise),
 * migrates it, and exposes one R2DBC pool to the rest of the application. In the running
 * application {@link DatabaseStartup} has already begun that work on its own thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

	/** Payload {@code team:<id>} or {@code virtual_key:<id>}. */
	public static final String GOVERNANCE_CHANNEL = "meridian_governance";

	/** Payload: the new version number. */
	public static final String ROUTING_CONFIG_CHANNEL = "meridian_routing_config";

	/** The server the startup thread got ready, or, where it did not run, one started here. */
	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties, ObjectProvider<DatabaseStartup.Started> startup) {
		DatabaseStartup.Started started = startup.getIfAvailable();
		return (started != null) ? started.await() : DatabaseServer.open(properties).migrated();
	}

	@Bean(destroyMethod = "dispose")
	ConnectionPool connectionFactory(DatabaseServer server) {
		DatabaseCoordinates coordinates = server.coordinates();
		PostgresqlConnectionFactory postgres = coordinates.r2dbc("meridian");
		// The request path never waits on this pool: it serves admin calls, config loading and
		// batched ledger writes, so a small pool that starts empty is enough.
		return new ConnectionPool(ConnectionPoolConfiguration.builder(postgres)
			.name("meridian")
			.initialSize(0)
			.maxSize(10)
			.maxIdleTime(Duration.ofMinutes(5))
			.maxAcquireTime(Duration.ofSeconds(10))
			.build());
	}

	/** Keys, teams and the routing configuration say on these channels when they change (see V2__governance.sql). */
	@Bean(initMethod = "start", destroyMethod = "close")
	DatabaseNotifications databaseNotifications(DatabaseServer server) {
		return new DatabaseNotifications(server.coordinates(), List.of(GOVERNANCE_CHANNEL, ROUTING_CONFIG_CHANNEL));
	}

	@Bean
	DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
		return DatabaseClient.create(connectionFactory);
	}

	/** Admin changes and their audit entries commit together: wrap both in {@link TransactionalOperator}. */
	@Bean
	R2dbcTransactionManager transactionManager(ConnectionFactory connectionFactory) {
		return new R2dbcTransactionManager(connectionFactory);
	}

	@Bean
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		return TransactionalOperator.create(transactionManager);
	}

}
