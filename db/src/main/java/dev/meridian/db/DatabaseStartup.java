package dev.meridian.db;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the database (embedded start or connection, then migrations) on its own thread as soon as
 * the application context is created, so that it runs while Spring builds everything else: on a
 * small machine this takes a good part of the cold start off the critical path.
 */
public class DatabaseStartup implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String THREAD_NAME = "meridian-database-startup";

	private static final String BEAN_NAME = "databaseStartup";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		DatabaseProperties properties = Binder.get(context.getEnvironment())
			.bindOrCreate("meridian", DatabaseProperties.class);
		CompletableFuture<DatabaseServer> server = new CompletableFuture<>();
		Thread.ofPlatform().name(THREAD_NAME).daemon().start(() -> {
			try {
				server.complete(DatabaseServer.open(properties).migrated());
			}
			catch (RuntimeException | Error ex) {
				server.completeExceptionally(ex);
			}
		});
		Started started = new Started(server);
		context.getBeanFactory().registerSingleton(BEAN_NAME, started);
		// Also stops an embedded server when the context fails before any bean took it over.
		((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean(BEAN_NAME, started);
	}

	/** The database being started; {@link #await()} gives it, or rethrows why it could not start. */
	public record Started(CompletableFuture<DatabaseServer> server) implements DisposableBean {

		DatabaseServer await() {
			try {
				return server.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw ex;
			}
		}

		@Override
		public void destroy() throws IOException {
			if (!server.isCompletedExceptionally()) {
				await().close();
			}
		}

	}

}
