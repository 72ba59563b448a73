package dev.meridian.db.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Rows on their way to the database: many producers (the event loops), one consumer (the batcher).
 * Offering never blocks nor takes a lock; the consumer sleeps until a batch is full or its deadline
 * passes, and the producer that fills a batch wakes it.
 */
final class LedgerQueue {

	private final ConcurrentLinkedQueue<LedgerEntry> rows = new ConcurrentLinkedQueue<>();

	private final AtomicInteger size = new AtomicInteger();

	private final int capacity;

	private final int batchSize;

	private volatile @Nullable Thread consumer;

	LedgerQueue(int capacity, int batchSize) {
		this.capacity = capacity;
		this.batchSize = batchSize;
	}

	/** Adds the row unless the queue is full; false then. */
	boolean offer(LedgerEntry row) {
		int queued = size.incrementAndGet();
		if (queued > capacity) {
			size.decrementAndGet();
			return false;
		}
		rows.offer(row);
		if (queued == batchSize) {
			wakeConsumer();
		}
		return true;
	}

	/**
	 * Sleeps until a batch is full, the deadline passes or {@link #wakeConsumer()} is called, or
	 * spuriously: the caller looks at the queue again either way.
	 */
	void awaitBatch(long deadlineNanos) {
		consumer = Thread.currentThread();
		long wait = deadlineNanos - System.nanoTime();
		if (size.get() < batchSize && wait > 0) {
			LockSupport.parkNanos(this, wait);
		}
	}

	void wakeConsumer() {
		Thread waiting = consumer;
		if (waiting != null) {
			LockSupport.unpark(waiting);
		}
	}

	/** Takes up to a batch of rows, oldest first; empty when there are none. */
	List<LedgerEntry> drainBatch() {
		List<LedgerEntry> batch = new ArrayList<>(Math.min(batchSize, Math.max(size.get(), 1)));
		LedgerEntry row;
		while (batch.size() < batchSize && (row = rows.poll()) != null) {
			batch.add(row);
		}
		size.addAndGet(-batch.size());
		return batch;
	}

	int size() {
		return size.get();
	}

	boolean hasFullBatch() {
		return size.get() >= batchSize;
	}

}
