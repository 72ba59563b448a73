package dev.meridian.gateway.governance.limits;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Rate limits counted in this process: without Redis, and with Redis while it is unreachable. Each
 * subject has its two buckets; one lock makes checking and counting all subjects of a request a
 * single step, held for a few arithmetic operations and never across I/O.
 */
final class LocalRateLimiter implements RateLimiter {

	private static final Mono<Admission> UNLIMITED = Mono.just(Admission.UNLIMITED);

	private final InstantSource clock;

	private final Map<Scope, Map<UUID, Buckets>> buckets = new EnumMap<>(Scope.class);

	private final Object lock = new Object();

	LocalRateLimiter(InstantSource clock) {
		this.clock = clock;
		for (Scope scope : Scope.values()) {
			buckets.put(scope, new ConcurrentHashMap<>());
		}
	}

	@Override
	public Mono<Admission> admit(List<LimitSubject> subjects, long estimatedPromptTokens) {
		List<LimitSubject> limited = LimitSubject.withLimits(subjects);
		if (limited.isEmpty()) {
			return UNLIMITED;
		}
		return Mono.fromSupplier(() -> admitNow(limited, estimatedPromptTokens));
	}

	/** @param limited subjects that all have limits, at least one */
	Admission admitNow(List<LimitSubject> limited, long estimatedPromptTokens) {
		long now = clock.millis();
		long minute = SlidingWindow.minute(now);
		long elapsed = SlidingWindow.elapsed(now);
		List<Buckets> subjectBuckets = new ArrayList<>(limited.size());
		for (LimitSubject subject : limited) {
			subjectBuckets.add(bucketsOf(subject));
		}
		List<BucketCounts> counts = new ArrayList<>(limited.size());
		Admission.Refusal refusal;
		synchronized (lock) {
			for (Buckets each : subjectBuckets) {
				counts.add(each.at(minute));
			}
			refusal = Admissions.refusal(limited, counts, elapsed, estimatedPromptTokens);
			if (refusal == null) {
				for (int i = 0; i < limited.size(); i++) {
					if (limited.get(i).rpm() != null) {
						counts.set(i, subjectBuckets.get(i).countRequest());
					}
				}
			}
		}
		return Admissions.admission(refusal, limited.getFirst(), counts.getFirst(), elapsed);
	}

	@Override
	public void recordTokens(List<LimitSubject> subjects, long tokens) {
		long minute = SlidingWindow.minute(clock.millis());
		for (LimitSubject subject : subjects) {
			if (subject.tpm() != null) {
				Buckets each = bucketsOf(subject);
				synchronized (lock) {
					each.at(minute);
					each.currentTokens += tokens;
				}
			}
		}
	}

	private Buckets bucketsOf(LimitSubject subject) {
		return buckets.get(subject.scope()).computeIfAbsent(subject.id(), id -> new Buckets());
	}

	/** One subject's buckets; guarded by the limiter's lock. */
	private static final class Buckets {

		private long minute;

		private long previousRequests;

		private long currentRequests;

		private long previousTokens;

		private long currentTokens;

		/** Moves the buckets to {@code now}'s minute, the current becoming the previous when one minute passed. */
		BucketCounts at(long now) {
			if (now == minute + 1) {
				previousRequests = currentRequests;
				previousTokens = currentTokens;
				currentRequests = 0;
				currentTokens = 0;
			}
			else if (now > minute + 1) {
				previousRequests = 0;
				previousTokens = 0;
				currentRequests = 0;
				currentTokens = 0;
			}
			// A clock that stepped back keeps counting into the newest minute.
			minute = Math.max(minute, now);
			return counts();
		}

		BucketCounts countRequest() {
			currentRequests++;
			return counts();
		}

		private BucketCounts counts() {
			return new BucketCounts(previousRequests, currentRequests, previousTokens, currentTokens);
		}

	}

}
