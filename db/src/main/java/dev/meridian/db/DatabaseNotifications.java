package dev.meridian.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * PostgreSQL {@code LISTEN} on one dedicated connection, outside the pool. Every replica keeps keys,
 * teams and the routing configuration in memory; the notifications say what changed. When the
 * connection is lost it is reopened, and {@link Notice#RESYNC} tells subscribers to reload
 * everything, since notifications sent meanwhile are gone.
 */
public final class DatabaseNotifications implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

	private final PostgresqlConnectionFactory factory;

	private final List<String> channels;

	private final Sinks.Many<Notice> notices = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean lost = new AtomicBoolean();

	private volatile boolean closing;

	private @Nullable Disposable listening;

	/** @param channels channel names; they are identifiers written into SQL, so only trusted constants */
	public DatabaseNotifications(DatabaseCoordinates coordinates, List<String> channels) {
		this.factory = coordinates.r2dbc("meridian-notifications");
		this.channels = List.copyOf(channels);
	}

	/**
	 * Notifications as they arrive, and {@link Notice#RESYNC} after every (re)connection. Buffered
	 * per subscriber, so one that handles notices one at a time misses none.
	 */
	public Flux<Notice> notices() {
		return notices.asFlux().onBackpressureBuffer();
	}

	/** Connects and keeps listening, reconnecting with a backoff of up to ten seconds. */
	public synchronized void start() {
		if (listening != null) {
			return;
		}
		listening = Flux.usingWhen(factory.create(), this::listen, PostgresqlConnection::close)
			.concatWith(Mono.error(() -> new IllegalStateException("notification stream ended")))
			// Transient: the backoff starts again from 200 ms once a connection has delivered anything.
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
				.maxBackoff(Duration.ofSeconds(10))
				.transientErrors(true)
				.doBeforeRetry(signal -> {
					if (!closing && lost.compareAndSet(false, true)) {
						log.warn("Lost the database notification connection ({}); reconnecting. Until then, changes"
								+ " made on other replicas are not seen here.", signal.failure().toString());
					}
				}))
			.subscribe(notices::tryEmitNext);
	}

	private Flux<Notice> listen(PostgresqlConnection connection) {
		String sql = String.join("; ", channels.stream().map(channel -> "LISTEN " + channel).toList());
		return connection.createStatement(sql)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.thenMany(Flux.concat(Mono.fromSupplier(() -> {
				if (lost.compareAndSet(true, false)) {
					log.info("Database notifications are back; reloading what may have changed meanwhile");
				}
				return Notice.RESYNC;
			}), connection.getNotifications()
				.map(notification -> new Notice(notification.getName(),
						notification.getParameter() == null ? "" : notification.getParameter()))));
	}

	@Override
	public synchronized void close() {
		closing = true;
		if (listening != null) {
			listening.dispose();
			listening = null;
		}
		notices.tryEmitComplete();
	}

	/**
	 * One notification.
	 *
	 * @param channel the channel it came on; empty for {@link #RESYNC}
	 * @param payload what the sender said, e.g. {@code virtual_key:<id>}
	 */
	public record Notice(String channel, String payload) {

		/** Sent after every (re)connection: anything may have changed while nobody was listening. */
		public static final Notice RESYNC = new Notice("", "");

		public boolean isResync() {
			return channel.isEmpty();
		}

	}

}
