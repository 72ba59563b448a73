package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
final class TestClock implements InstantSource {

	private volatile Instant now;

	TestClock(String instant) {
		this.now = Instant.parse(instant);
	}

	@Override
	public Instant instant() {
		return now;
	}

	void advance(Duration duration) {
		now = now.plus(duration);
	}

	void set(String instant) {
		now = Instant.parse(instant);
	}

}
