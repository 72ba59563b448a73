package dev.meridian.gateway.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A count over the last stretch of time (requests or tokens in the last minute, failures in the
 * last 30 seconds), kept in a ring of time slices. Each slice is one {@code long} holding the slice
 * number and its count, updated by compare-and-set, so adding and reading take no lock. The window
 * moves one slice at a time: the count covers between {@code window - slice} and {@code window}.
 */
final class SlidingWindowCounter {

	private static final int COUNT_BITS = 32;

	private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

	private final AtomicLongArray slices;

	private final long sliceNanos;

	private final LongSupplier clock;

	private final long origin;

	/** @param clock a {@link System#nanoTime()}-like clock */
	SlidingWindowCounter(Duration window, int sliceCount, LongSupplier clock) {
		this.slices = new AtomicLongArray(sliceCount);
		this.sliceNanos = window.toNanos() / sliceCount;
		this.clock = clock;
		this.origin = clock.getAsLong();
	}

	void add(long amount) {
		if (amount <= 0) {
			return;
		}
		long slice = currentSlice();
		int index = (int) (slice % slices.length());
		long tag = (slice & 0x7FFF_FFFFL) << COUNT_BITS;
		while (true) {
			long value = slices.get(index);
			long count = ((value & ~COUNT_MASK) == tag) ? value & COUNT_MASK : 0;
			long updated = tag | Math.min(COUNT_MASK, count + amount);
			if (slices.compareAndSet(index, value, updated)) {
				return;
			}
		}
	}

	long sum() {
		long current = currentSlice();
		long total = 0;
		for (int i = 0; i < slices.length(); i++) {
			long value = slices.get(i);
			long slice = value >>> COUNT_BITS;
			long age = ((current & 0x7FFF_FFFFL) - slice) & 0x7FFF_FFFFL;
			if (value != 0 && age < slices.length()) {
				total += value & COUNT_MASK;
			}
		}
		return total;
	}

	void clear() {
		for (int i = 0; i < slices.length(); i++) {
			slices.set(i, 0);
		}
	}

	private long currentSlice() {
		return Math.max(0, clock.getAsLong() - origin) / sliceNanos;
	}

}
