package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.lettuce.core.ScriptOutputType;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rate limits shared by all replicas: each subject's minute buckets are Redis hashes, and one script
 * call checks and counts all subjects of a request atomically ({@code admit.lua}). Buckets expire a
 * little after the two minutes during which they count. When Redis does not answer within the
 * timeout, or the circuit is open, the request is checked against this replica's own counters.
 *
 * <p>
 * Tokens, known only once an answer has ended, are added up in memory and sent every
 * {@link #TOKEN_FLUSH}, one call per bucket instead of one per request; until then this replica's
 * admissions count them as if they were in Redis, and other replicas see them at most one flush late.
 */
final class RedisRateLimiter implements RateLimiter, AutoCloseable {

	static final Duration TOKEN_FLUSH = Duration.ofMillis(100);

	private static final Mono<Admission> UNLIMITED = Mono.just(Admission.UNLIMITED);

	private static final String BUCKET_TTL_MILLIS = Long.toString(2 * SlidingWindow.MINUTE_MILLIS + 10_000);

	private final SharedRedis redis;

	private final LocalRateLimiter local;

	private final InstantSource clock;

	/** Tokens counted here and not sent yet, by bucket key. */
	private final Map<String, UnsentTokens> unsentTokens = new ConcurrentHashMap<>();

	private final Disposable tokenFlusher;

	RedisRateLimiter(SharedRedis redis, InstantSource clock) {
		this.redis = redis;
		this.local = new LocalRateLimiter(clock);
		this.clock = clock;
		this.tokenFlusher = Flux.interval(TOKEN_FLUSH).onBackpressureDrop().subscribe(tick -> sendTokens());
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
		String[] args = new String[3 + 3 * limited.size()];
		args[0] = Long.toString(elapsed);
		args[1] = Long.toString(estimatedPromptTokens);
		args[2] = BUCKET_TTL_MILLIS;
		for (int i = 0; i < limited.size(); i++) {
			LimitSubject subject = limited.get(i);
			keys[2 * i] = bucket(subject, minute - 1);
			keys[2 * i + 1] = bucket(subject, minute);
			args[3 + 3 * i] = (subject.rpm() == null) ? "-1" : subject.rpm().toString();
			args[4 + 3 * i] = (subject.tpm() == null) ? "-1" : subject.tpm().toString();
			UnsentTokens unsent = unsentTokens.get(keys[2 * i + 1]);
			args[5 + 3 * i] = (unsent == null) ? "0" : Long.toString(unsent.tokens.sum());
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
		long minute = SlidingWindow.minute(clock.millis());
		for (LimitSubject subject : subjects) {
			if (subject.tpm() != null) {
				unsentTokens.computeIfAbsent(bucket(subject, minute), key -> new UnsentTokens(subject, minute))
					.tokens.add(tokens);
			}
		}
	}

	/** Sends what was counted since the last flush; what Redis does not take is counted locally. */
	private void sendTokens() {
		long minute = SlidingWindow.minute(clock.millis());
		for (Map.Entry<String, UnsentTokens> entry : unsentTokens.entrySet()) {
			UnsentTokens unsent = entry.getValue();
			long tokens = unsent.tokens.sumThenReset();
			if (tokens > 0) {
				send(entry.getKey(), unsent.subject, tokens);
			}
			else if (unsent.minute < minute) {
				unsentTokens.remove(entry.getKey(), unsent);
			}
		}
	}

	private void send(String bucket, LimitSubject subject, long tokens) {
		if (!redis.ready()) {
			redis.fellBack();
			local.recordTokens(List.of(subject), tokens);
			return;
		}
		redis.eval(RedisScript.RECORD_TOKENS, ScriptOutputType.INTEGER, new String[] { bucket }, Long.toString(tokens),
				BUCKET_TTL_MILLIS)
			.subscribe(null, failure -> {
				redis.fellBack();
				local.recordTokens(List.of(subject), tokens);
			});
	}

	/** Sends the tokens still unsent before the connection closes. */
	@Override
	public void close() {
		tokenFlusher.dispose();
		sendTokens();
	}

	private String bucket(LimitSubject subject, long minute) {
		return redis.keyPrefix() + "rl:" + subject.scope().label() + ':' + subject.id() + ':' + minute;
	}

	/** A bucket's tokens counted here and not sent yet. */
	private record UnsentTokens(LimitSubject subject, long minute, LongAdder tokens) {

		UnsentTokens(LimitSubject subject, long minute) {
			this(subject, minute, new LongAdder());
		}

	}

}
