package dev.meridian.db.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes to PostgreSQL. It takes the batches the batcher hands over and, in
 * between, replays spill files, one batch of each in turn, so that a backlog never holds up new
 * rows. When the database fails it keeps failed batches on disk, says so once, and tries again with
 * growing pauses; when the database answers again it says so once and replays what was spilled.
 */
final class LedgerFlusher implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(LedgerFlusher.class);

	private static final Duration FIRST_RETRY = Duration.ofMillis(250);

	private static final Duration LAST_RETRY = Duration.ofSeconds(10);

	private static final long IDLE_POLL_MILLIS = 100;

	private final LedgerDatabase database;

	private final LedgerSpill spill;

	private final LedgerMetrics metrics;

	private final int batchSize;

	private final BlockingQueue<List<LedgerEntry>> handoff = new ArrayBlockingQueue<>(1);

	private final Deque<Path> toReplay = new ArrayDeque<>();

	private LedgerSpill.@Nullable Reader replaying;

	private long replayedRows;

	private int replayedFiles;

	private Duration retry = FIRST_RETRY;

	private long downSinceNanos;

	private volatile boolean down;

	private volatile boolean batcherDone;

	private volatile @Nullable List<LedgerEntry> inFlight;

	LedgerFlusher(LedgerDatabase database, LedgerSpill spill, LedgerMetrics metrics, int batchSize) {
		this.database = database;
		this.spill = spill;
		this.metrics = metrics;
		this.batchSize = batchSize;
	}

	/** Hands a batch over, waiting up to the timeout for the one before it to be taken. */
	boolean offer(List<LedgerEntry> batch, long timeoutNanos) {
		try {
			return handoff.offer(batch, timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** While the database is away, batches go straight to the spill file. */
	boolean isDown() {
		return down;
	}

	/** No batch will be offered any more: write what was handed over, then end. */
	void batcherDone() {
		batcherDone = true;
	}

	/**
	 * After the flusher failed to end in time: keeps on disk what it still holds. Rows that reach the
	 * database as well are stored once all the same, since replaying a row is a no-op.
	 */
	void abandon() {
		List<LedgerEntry> writing = inFlight;
		if (writing != null) {
			spill.keep(writing);
		}
		spillHandedOver();
	}

	@Override
	public void run() {
		try {
			while (!(batcherDone && handoff.isEmpty())) {
				if (down) {
					awaitRecovery();
					continue;
				}
				boolean backlog = !batcherDone && (replaying != null || !toReplay.isEmpty() || spill.hasUnsealed());
				List<LedgerEntry> batch = handoff.poll(backlog ? 0 : IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (batch != null) {
					store(batch, false);
				}
				if (backlog && !down) {
					replayOneBatch();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			spillHandedOver();
		}
		finally {
			closeReplay();
			database.close();
		}
	}

	private void store(List<LedgerEntry> batch, boolean replayed) {
		inFlight = batch;
		try {
			metrics.written(database.write(batch));
		}
		catch (SQLException ex) {
			metrics.writeFailed();
			if (LedgerDatabase.refusesRows(ex)) {
				storeOneByOne(batch, replayed);
			}
			else {
				failed(ex, replayed ? List.of() : batch);
			}
		}
		catch (RuntimeException ex) {
			// Not PostgreSQL's doing: keep the rows on disk and the thread alive, and say why.
			metrics.writeFailed();
			log.error("Spend ledger: writing a batch failed", ex);
			failed(ex, replayed ? List.of() : batch);
		}
		finally {
			inFlight = null;
		}
	}

	/** Finds the rows the database refuses, keeps them aside, and stores the others. */
	private void storeOneByOne(List<LedgerEntry> batch, boolean replayed) {
		for (int i = 0; i < batch.size(); i++) {
			LedgerEntry row = batch.get(i);
			try {
				metrics.written(database.write(List.of(row)));
			}
			catch (SQLException | RuntimeException ex) {
				metrics.writeFailed();
				if (ex instanceof SQLException refused && LedgerDatabase.refusesRows(refused)) {
					log.error("Spend ledger: PostgreSQL refuses row {} ({}); it is kept in {} and not retried",
							row.requestId(), refused.getMessage(), spill.directory());
					spill.reject(row);
				}
				else {
					failed(ex, replayed ? List.of() : batch.subList(i, batch.size()));
					return;
				}
			}
		}
	}

	/** The database is away: keep the rows on disk, and everything handed over with them. */
	private void failed(Exception ex, List<LedgerEntry> unwritten) {
		database.close();
		closeReplay();
		if (!down) {
			down = true;
			downSinceNanos = System.nanoTime();
			log.warn("Spend ledger: PostgreSQL is unreachable ({}); rows are kept in {} until it is back", ex.getMessage(),
					spill.directory());
		}
		if (!unwritten.isEmpty()) {
			spill.keep(unwritten);
		}
		spillHandedOver();
	}

	/** Waits, spilling what arrives meanwhile, then asks whether the database is back. */
	private void awaitRecovery() throws InterruptedException {
		long deadline = System.nanoTime() + retry.toNanos();
		long remaining;
		while ((remaining = deadline - System.nanoTime()) > 0 && !batcherDone) {
			List<LedgerEntry> batch = handoff.poll(remaining, TimeUnit.NANOSECONDS);
			if (batch != null) {
				spill.keep(batch);
			}
		}
		if (batcherDone) {
			// Shutting down: what is left goes to disk and is replayed at the next start.
			spillHandedOver();
			return;
		}
		if (database.reachable()) {
			down = false;
			retry = FIRST_RETRY;
			log.info("Spend ledger: PostgreSQL is back after {} s; replaying the spilled rows",
					"%.1f".formatted((System.nanoTime() - downSinceNanos) / 1e9));
		}
		else {
			retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
		}
	}

	private void spillHandedOver() {
		List<LedgerEntry> batch;
		while ((batch = handoff.poll()) != null) {
			spill.keep(batch);
		}
	}

	/** Writes the next batch of the oldest spill file; deletes the file once all of it is stored. */
	private void replayOneBatch() {
		try {
			if (replaying == null) {
				if (toReplay.isEmpty()) {
					toReplay.addAll(spill.seal());
					if (toReplay.isEmpty()) {
						return;
					}
				}
				replaying = LedgerSpill.read(toReplay.peek());
			}
			List<LedgerEntry> rows = replaying.next(batchSize);
			if (!rows.isEmpty()) {
				replayedRows += rows.size();
				store(rows, true);
				return;
			}
			Path done = replaying.file();
			closeReplay();
			LedgerSpill.delete(done);
			toReplay.remove(done);
			replayedFiles++;
			if (toReplay.isEmpty()) {
				log.info("Spend ledger: replayed {} spilled rows from {} files", replayedRows, replayedFiles);
				replayedRows = 0;
				replayedFiles = 0;
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// Left on disk for the next start, or for an operator; the other files go on.
			Path unreadable = toReplay.poll();
			log.error("Spend ledger: cannot replay {}; it stays on disk", unreadable, ex);
			closeReplay();
		}
	}

	private void closeReplay() {
		if (replaying != null) {
			try {
				replaying.close();
			}
			catch (IOException ex) {
				log.debug("Closing a spill file: {}", ex.toString());
			}
			replaying = null;
		}
	}

}
