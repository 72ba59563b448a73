package dev.meridian.db.ledger;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the queue into batches: a full batch at once, whatever is queued when the flush interval
 * is up, and everything at shutdown. A batch goes to the flusher, or to the spill file when the
 * database is away or the flusher has not taken the previous batch within {@code spill-after}; then
 * later batches go to disk without waiting until the flusher keeps up again. Never waiting on
 * PostgreSQL itself, this thread keeps the queue short whatever the database does.
 */
final class LedgerBatcher implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(LedgerBatcher.class);

	private static final long DROP_REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final LedgerQueue queue;

	private final LedgerFlusher flusher;

	private final LedgerSpill spill;

	private final LedgerMetrics metrics;

	private final long flushIntervalNanos;

	private final long spillAfterNanos;

	private boolean flusherBehind;

	private long droppedReported;

	private long droppedReportedAt = System.nanoTime() - DROP_REPORT_INTERVAL_NANOS;

	private volatile boolean stopping;

	LedgerBatcher(LedgerQueue queue, LedgerFlusher flusher, LedgerSpill spill, LedgerMetrics metrics,
			LedgerProperties properties) {
		this.queue = queue;
		this.flusher = flusher;
		this.spill = spill;
		this.metrics = metrics;
		this.flushIntervalNanos = properties.flushInterval().toNanos();
		this.spillAfterNanos = properties.spillAfter().toNanos();
	}

	/** Hands everything queued over, then ends. */
	void stop() {
		stopping = true;
		queue.wakeConsumer();
	}

	@Override
	public void run() {
		try {
			long deadline = System.nanoTime() + flushIntervalNanos;
			while (true) {
				boolean last = stopping;
				if (queue.hasFullBatch()) {
					deliver(queue.drainBatch());
					reportDrops();
				}
				else if (last || System.nanoTime() - deadline >= 0) {
					List<LedgerEntry> batch;
					while (!(batch = queue.drainBatch()).isEmpty()) {
						deliver(batch);
					}
					reportDrops();
					if (last) {
						return;
					}
					deadline = System.nanoTime() + flushIntervalNanos;
				}
				else {
					queue.awaitBatch(deadline);
				}
			}
		}
		finally {
			flusher.batcherDone();
		}
	}

	private void deliver(List<LedgerEntry> batch) {
		if (flusher.isDown()) {
			spill.keep(batch);
			return;
		}
		if (flusher.offer(batch, flusherBehind ? 0 : spillAfterNanos)) {
			if (flusherBehind) {
				flusherBehind = false;
				log.info("Spend ledger: PostgreSQL keeps up again");
			}
			return;
		}
		if (!flusherBehind) {
			flusherBehind = true;
			log.warn("Spend ledger: PostgreSQL took longer than {} ms for a batch; batches go to {} until it keeps up",
					TimeUnit.NANOSECONDS.toMillis(spillAfterNanos), spill.directory());
		}
		spill.keep(batch);
	}

	private void reportDrops() {
		long dropped = metrics.droppedForFullQueueSoFar();
		long now = System.nanoTime();
		if (dropped != droppedReported && now - droppedReportedAt >= DROP_REPORT_INTERVAL_NANOS) {
			log.error("Spend ledger: the queue was full; {} rows dropped since start (meridian.ledger.queue-capacity)",
					dropped);
			droppedReported = dropped;
			droppedReportedAt = now;
		}
	}

}
