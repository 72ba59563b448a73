package dev.meridian.gateway.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowCounterTest {

	private final ManualClock clock = new ManualClock();

	private final SlidingWindowCounter counter = new SlidingWindowCounter(Duration.ofMinutes(1), 12, clock);

	@Test
	void countsWhatHappenedInTheLastWindowSliceBySlice() {
		counter.add(3);
		clock.advance(Duration.ofSeconds(30));
		counter.add(4);
		assertThat(counter.sum()).isEqualTo(7);
		clock.advance(Duration.ofSeconds(30));
		assertThat(counter.sum()).as("the first slice has left the window").isEqualTo(4);
		clock.advance(Duration.ofMinutes(10));
		assertThat(counter.sum()).isZero();
		counter.add(2);
		assertThat(counter.sum()).as("a reused slice starts from zero").isEqualTo(2);
	}

	@Test
	void concurrentAddsAreAllCounted() throws InterruptedException {
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = Thread.ofPlatform().start(() -> {
				for (int i = 0; i < 10_000; i++) {
					counter.add(1);
				}
			});
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(counter.sum()).isEqualTo(40_000);
	}

}
