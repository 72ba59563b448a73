package dev.meridian.gateway.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanosecond clock that moves only when a test says so, starting at an arbitrary negative value as nanoTime may. */
final class ManualClock implements LongSupplier {

	private final AtomicLong now = new AtomicLong(-5_000_000_000L);

	@Override
	public long getAsLong() {
		return now.get();
	}

	void advance(Duration duration) {
		now.addAndGet(duration.toNanos());
	}

}
