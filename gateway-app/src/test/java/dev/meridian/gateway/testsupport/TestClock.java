package dev.meridian.gateway.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The gateway's clock in tests: the real time plus an offset a test can move, for expiry and budget
 * periods. Tests that move it put it back.
 */
public final class TestClock implements InstantSource {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	/** Moves the clock so that it reads {@code target} now. */
	public void setTo(Instant target) {
		offset.set(Duration.between(Instant.now(), target));
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Installed {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
