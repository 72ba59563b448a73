package dev.meridian.gateway.governance.limits;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.lettuce.core.ScriptOutputType;
import reactor.core.publisher.Mono;

/**
 * Rate limits shared by all replicas: each subject's minute buckets are Redis hashes, and one script
 * call checks and counts all subjects of a request atomically ({@code admit.lua}). Buckets expire a
 * little after the two minutes during which they count. When Redis does not answer within the
 * timeout, or the circuit is open, the request is checked against this replica's own counters.
 */
final class RedisRateLimiter implements RateLimiter {

	private static final Mono<Admission> UNLIMITED = Mono.just(Admission.UNLIMITED);

	private static final String BUCKET_TTL_MILLIS = Long.toString(2 * SlidingWindow.MINUTE_MILLIS + 10_000);

	private final SharedRedis redis;

	private final LocalRateLimiter local;

	private final InstantSource clock;

	RedisRateLimiter(SharedRedis redis, InstantSource clock) {
		this.redis = redis;
		this.local = new LocalRateLimiter(clock);
		this.clock = clock;
	}

	@Override
	public Mono<Admission> admit(List<LimitSubject> subjects, long estimatedPromptTokens) {
		List<LimitSubject> limited = LimitSubject.withLimits(subjects);
		if (limited.isEmpty()) {
			return UNLIMITED;
		}
		if (!redis.ready()) {
			return admitLocally(limited, estimatedPromptTokens);
		}
		long now = clock.millis();
		long minute = SlidingWindow.minute(now);
		long elapsed = SlidingWindow.elapsed(now);
		String[] keys = new String[2 * limited.size()];
		String[] args = new String[3 + 2 * limited.size()];
		args[0] = Long.toString(elapsed);
		args[1] = Long.toString(estimatedPromptTokens);
		args[2] = BUCKET_TTL_MILLIS;
		for (int i = 0; i < limited.size(); i++) {
			LimitSubject subject = limited.get(i);
			keys[2 * i] = bucket(subject, minute - 1);
			keys[2 * i + 1] = bucket(subject, minute);
			args[3 + 2 * i] = (subject.rpm() == null) ? "-1" : subject.rpm().toString();
			args[4 + 2 * i] = (subject.tpm() == null) ? "-1" : subject.tpm().toString();
		}
		return redis.<List<Long>>eval(RedisScript.ADMIT, ScriptOutputType.MULTI, keys, args)
			.map(reply -> admission(limited, reply, elapsed, estimatedPromptTokens))
			.onErrorResume(failure -> admitLocally(limited, estimatedPromptTokens));
	}

	private Mono<Admission> admitLocally(List<LimitSubject> limited, long estimatedPromptTokens) {
		redis.fellBack();
		return Mono.fromSupplier(() -> local.admitNow(limited, estimatedPromptTokens));
	}

	/** @param reply 1 or 0 for admitted or refused, then four counts per subject */
	private static Admission admission(List<LimitSubject> limited, List<Long> reply, long elapsed,
			long estimatedPromptTokens) {
		List<BucketCounts> counts = new ArrayList<>(limited.size());
		for (int i = 0; i < limited.size(); i++) {
			counts.add(new BucketCounts(reply.get(4 * i + 1), reply.get(4 * i + 2), reply.get(4 * i + 3),
					reply.get(4 * i + 4)));
		}
		Admission.Refusal refusal = (reply.getFirst() == 1) ? null
				: Objects.requireNonNull(Admissions.refusal(limited, counts, elapsed, estimatedPromptTokens));
		return Admissions.admission(refusal, limited.getFirst(), counts.getFirst(), elapsed);
	}

	@Override
	public void recordTokens(List<LimitSubject> subjects, long tokens) {
		List<String> keys = new ArrayList<>(subjects.size());
		long minute = SlidingWindow.minute(clock.millis());
		for (LimitSubject subject : subjects) {
			if (subject.tpm() != null) {
				keys.add(bucket(subject, minute));
			}
		}
		if (keys.isEmpty()) {
			return;
		}
		if (!redis.ready()) {
			redis.fellBack();
			local.recordTokens(subjects, tokens);
			return;
		}
		redis.eval(RedisScript.RECORD_TOKENS, ScriptOutputType.INTEGER, keys.toArray(String[]::new), Long.toString(tokens),
				BUCKET_TTL_MILLIS)
			.subscribe(null, failure -> {
				redis.fellBack();
				local.recordTokens(subjects, tokens);
			});
	}

	private String bucket(LimitSubject subject, long minute) {
		return redis.keyPrefix() + "rl:" + subject.scope().label() + ':' + subject.id() + ':' + minute;
	}

}
