package dev.meridian.db.ledger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import dev.meridian.db.DatabaseProperties;
import dev.meridian.db.DatabaseServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Where every finished client request leaves its {@link LedgerEntry}. {@link #append} is called on
 * the event loops: it puts the row in a bounded lock-free queue and returns; it never blocks, never
 * throws, and never logs. Two threads do the rest: a batcher that cuts the queue into batches by size
 * or time, and a flusher that writes each batch to PostgreSQL in one statement (see
 * {@link LedgerBatchInsert}). Batches the database cannot take in time go to a local spill file and
 * are replayed when it can; every row is stored exactly once.
 *
 * <p>On shutdown the writer stops after the web server has finished its requests (its phase is below
 * Spring Boot's graceful-shutdown and web-server phases) and before the connection pool and the
 * embedded PostgreSQL are closed (they are beans, closed after every lifecycle has stopped): it writes
 * everything queued, or spills it when the database is away.
 */
@Component
@EnableConfigurationProperties(LedgerProperties.class)
public class SpendLedgerWriter implements SmartLifecycle {

	/** Below the web server's graceful shutdown ({@code MAX_VALUE - 1024}) and start/stop ({@code MAX_VALUE - 2048}). */
	public static final int PHASE = Integer.MAX_VALUE - 4096;

	/** How long shutdown waits for the last batches to reach the database before keeping them on disk. */
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(SpendLedgerWriter.class);

	private final LedgerQueue queue;

	private final LedgerMetrics metrics;

	private final LedgerSpill spill;

	private final DatabaseServer server;

	private final LedgerProperties properties;

	private @Nullable LedgerFlusher flusher;

	private @Nullable LedgerBatcher batcher;

	private @Nullable Thread batcherThread;

	private @Nullable Thread flusherThread;

	/** Until started, and once stopped, rows go to the spill file (replayed at the next start). */
	private volatile boolean closed = true;

	public SpendLedgerWriter(DatabaseServer server, DatabaseProperties database, LedgerProperties properties,
			MeterRegistry registry) {
		this.server = server;
		this.properties = properties;
		this.queue = new LedgerQueue(properties.queueCapacity(), properties.batchSize());
		this.metrics = new LedgerMetrics(registry, queue::size);
		this.spill = new LedgerSpill(database.dataDir(), metrics);
	}

	/** Records what a finished request came to. Cheap, non-blocking, never throws. */
	public void append(LedgerEntry row) {
		if (closed) {
			spillAfterClose(List.of(row));
			return;
		}
		if (!queue.offer(row)) {
			metrics.droppedForFullQueue();
			return;
		}
		if (closed) {
			spillAfterClose(queue.drainBatch());
		}
	}

	/** Starts writing; after a {@link #stop()} too (a paused application context is started again). */
	@Override
	public synchronized void start() {
		if (batcherThread != null) {
			return;
		}
		LedgerFlusher newFlusher = new LedgerFlusher(
				new LedgerDatabase(new LedgerConnections(server.coordinates(), "meridian-ledger")), spill, metrics,
				properties.batchSize());
		LedgerBatcher newBatcher = new LedgerBatcher(queue, newFlusher, spill, metrics, properties);
		flusher = newFlusher;
		batcher = newBatcher;
		closed = false;
		flusherThread = Thread.ofPlatform().name("meridian-ledger-flusher").daemon().start(newFlusher);
		batcherThread = Thread.ofPlatform().name("meridian-ledger-batcher").daemon().start(newBatcher);
	}

	@Override
	public synchronized void stop() {
		LedgerFlusher flusher = this.flusher;
		LedgerBatcher batcher = this.batcher;
		if (batcherThread == null || flusherThread == null || flusher == null || batcher == null) {
			return;
		}
		batcher.stop();
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		try {
			boolean done = batcherThread.join(SHUTDOWN_WAIT)
					&& flusherThread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (!done) {
				log.warn("Spend ledger: the last batches were not written within {} s; what is left is kept in {}",
						SHUTDOWN_WAIT.toSeconds(), spill.directory());
				flusher.abandon();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			flusher.abandon();
		}
		closed = true;
		spillAfterClose(queue.drainBatch());
		try {
			spill.close();
		}
		catch (IOException ex) {
			log.debug("Closing the spill file: {}", ex.toString());
		}
		batcherThread = null;
		flusherThread = null;
		this.flusher = null;
		this.batcher = null;
	}

	@Override
	public boolean isRunning() {
		return batcherThread != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Rows that arrive once the threads are gone go to disk on the caller's thread; shutdown is rare. */
	private void spillAfterClose(List<LedgerEntry> rows) {
		List<LedgerEntry> batch = rows;
		while (!batch.isEmpty()) {
			spill.keep(batch);
			batch = queue.drainBatch();
		}
	}

}
