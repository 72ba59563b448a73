package dev.meridian.db.ledger;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators watch of the ledger ({@code meridian_ledger_*}): rows written, rows waiting,
 * rows kept on disk while PostgreSQL was away, failed writes, and rows lost, which only happens
 * when the disk fails as well.
 */
final class LedgerMetrics {

	private final Counter written;

	private final Counter spilled;

	private final Counter writeFailures;

	private final Counter dropped;

	private final LongAdder droppedForFullQueue = new LongAdder();

	LedgerMetrics(MeterRegistry registry, IntSupplier queueSize) {
		this.written = Counter.builder("meridian.ledger.rows.written")
			.description("Ledger rows stored in PostgreSQL (a row replayed twice counts once)")
			.register(registry);
		this.spilled = Counter.builder("meridian.ledger.spilled.rows")
			.description("Ledger rows written to the local spill file because PostgreSQL was unreachable or slow")
			.register(registry);
		this.writeFailures = Counter.builder("meridian.ledger.write.failures")
			.description("Ledger batch writes PostgreSQL failed or refused")
			.register(registry);
		this.dropped = Counter.builder("meridian.ledger.dropped.rows")
			.description("Ledger rows lost: neither PostgreSQL nor the spill file could take them")
			.register(registry);
		Gauge.builder("meridian.ledger.queue.size", queueSize::getAsInt)
			.description("Ledger rows waiting in memory to be written")
			.strongReference(true)
			.register(registry);
	}

	void written(int rows) {
		written.increment(rows);
	}

	void spilled(int rows) {
		spilled.increment(rows);
	}

	void writeFailed() {
		writeFailures.increment();
	}

	void dropped(int rows) {
		dropped.increment(rows);
	}

	/** Counted on the caller's thread, without logging: the batcher reports these. */
	void droppedForFullQueue() {
		droppedForFullQueue.increment();
		dropped.increment();
	}

	long droppedForFullQueueSoFar() {
		return droppedForFullQueue.sum();
	}

}
