package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one Redis connection a replica shares between all its counters, with a short timeout on every
 * call and a circuit ({@link RedisAvailability}) that sends calls to the local counters while Redis
 * does not answer. Commands are pipelined on the connection; none waits for another.
 *
 * <p>
 * While the connection is down, commands fail at once instead of queueing, and Lettuce reconnects in
 * the background. A first connection that cannot be made is tried again after the pause. Each call
 * is bounded by its own timeout; a call that timed out against a frozen server waits on the
 * connection for its answer, at most one per pause.
 */
final class SharedRedis implements AutoCloseable {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

	/** Raised instead of calling Redis before the connection exists; the caller counts locally. */
	private static final IllegalStateException NOT_CONNECTED = new IllegalStateException("Redis is not connected") {

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	};

	private final RedisURI uri;

	private final ClientResources resources;

	private final RedisClient client;

	private final Duration timeout;

	private final String keyPrefix;

	private final RedisAvailability availability;

	private final AtomicBoolean connecting = new AtomicBoolean();

	private volatile @Nullable StatefulRedisConnection<String, String> connection;

	private volatile boolean closed;

	SharedRedis(String url, Duration timeout, String keyPrefix, Duration pauseAfterFailure, MeterRegistry registry) {
		this.uri = RedisURI.create(url);
		this.timeout = timeout;
		this.keyPrefix = keyPrefix;
		this.availability = new RedisAvailability(registry, pauseAfterFailure, describe(uri));
		// Two threads of each kind (the least Lettuce takes) are plenty for one pipelined connection.
		this.resources = ClientResources.builder()
			.ioThreadPoolSize(2)
			.computationThreadPoolSize(2)
			.reconnectDelay(Delay.exponential(Duration.ofMillis(100), pauseAfterFailure, 2, TimeUnit.MILLISECONDS))
			.build();
		this.client = RedisClient.create(resources, uri);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
			.build());
		connect();
	}

	String keyPrefix() {
		return keyPrefix;
	}

	/**
	 * Whether to send a call to Redis now. When not, the caller counts locally and says so with
	 * {@link #fellBack()}.
	 */
	boolean ready() {
		if (connection != null) {
			return availability.worthTrying();
		}
		if (availability.worthTrying()) {
			connect();
		}
		return false;
	}

	void fellBack() {
		if (!closed) {
			availability.fellBack();
		}
	}

	/** A script call, bounded by the timeout; a failure opens the circuit. */
	<T> Mono<T> eval(RedisScript script, ScriptOutputType type, String[] keys, String... args) {
		return call(redis -> redis.<T>evalsha(script.sha(), type, keys, args)
			.onErrorResume(RedisNoScriptException.class, missing -> redis.eval(script.source(), type, keys, args))
			.next());
	}

	/** A command, bounded by the timeout; a failure opens the circuit. */
	<T> Mono<T> call(Function<RedisReactiveCommands<String, String>, Mono<T>> command) {
		StatefulRedisConnection<String, String> current = connection;
		if (current == null) {
			return Mono.error(NOT_CONNECTED);
		}
		return command.apply(current.reactive())
			.timeout(timeout)
			.doOnSuccess(result -> availability.succeeded())
			.doOnError(failure -> {
				// Calls cut short by the shutdown say nothing about Redis.
				if (!closed) {
					availability.failed(failure);
				}
			});
	}

	/** Opens the connection and loads the scripts on it before any call uses it. */
	private void connect() {
		if (closed || !connecting.compareAndSet(false, true)) {
			return;
		}
		client.connectAsync(StringCodec.UTF8, uri)
			.thenCompose(opened -> Flux.fromArray(RedisScript.values())
				.concatMap(script -> opened.reactive().scriptLoad(script.source()))
				.then(Mono.just(opened))
				.toFuture()
				.whenComplete((loaded, failure) -> {
					if (failure != null) {
						opened.closeAsync();
					}
				}))
			.whenComplete((opened, failure) -> {
				connecting.set(false);
				if (failure != null) {
					availability.failed((failure instanceof CompletionException && failure.getCause() != null)
							? failure.getCause() : failure);
				}
				else if (closed) {
					opened.closeAsync();
				}
				else {
					connection = opened;
					availability.succeeded();
				}
			});
	}

	@Override
	public void close() {
		closed = true;
		StatefulRedisConnection<String, String> current = connection;
		if (current != null) {
			current.close();
		}
		long seconds = SHUTDOWN_TIMEOUT.toSeconds();
		client.shutdown(0, seconds, TimeUnit.SECONDS);
		try {
			resources.shutdown(0, seconds, TimeUnit.SECONDS).get(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// The process is going away; threads that did not stop in time die with it.
		}
	}

	/** Where Redis is, for the log; never the password. */
	private static String describe(RedisURI uri) {
		if (uri.getHost() != null) {
			return uri.getHost() + ":" + uri.getPort();
		}
		return "sentinel master " + uri.getSentinelMasterId();
	}

}
