package dev.meridian.gateway.governance.limits;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spend shared by all replicas. Costs are added up in memory and sent to Redis every
 * {@link #COST_FLUSH} ({@code INCRBYFLOAT}, one call per counter instead of one per request); the
 * request path reads only memory: the total last read from Redis, which a background refresh renews
 * for all known counters with one {@code MGET} per interval, plus this replica's own costs not yet
 * confirmed by Redis. A budget can therefore be overshot by what other replicas spend within one
 * refresh interval and one flush, on top of the requests already in flight when it is reached.
 *
 * <p>
 * While Redis does not answer, costs stay in memory, count here, and are sent when it is back. A
 * counter that Redis lost (a restart without persistence) is raised again to the total this replica
 * last knew.
 */
final class RedisSpendCounters implements SpendCounters, AutoCloseable {

	static final Duration COST_FLUSH = Duration.ofMillis(100);

	/** How long a counter outlives its period, for a late look at it. */
	private static final Duration KEPT_AFTER_PERIOD = Duration.ofDays(1);

	private final SharedRedis redis;

	private final InstantSource clock;

	private final Map<BudgetSubject.Counter, SharedTotal> totals = new ConcurrentHashMap<>();

	private final Disposable refresher;

	private final Disposable costFlusher;

	RedisSpendCounters(SharedRedis redis, InstantSource clock, Duration refreshInterval) {
		this.redis = redis;
		this.clock = clock;
		this.refresher = Flux.interval(refreshInterval)
			.onBackpressureDrop()
			.concatMap(tick -> refresh().onErrorComplete(), 1)
			.subscribe();
		this.costFlusher = Flux.interval(COST_FLUSH).onBackpressureDrop().subscribe(tick -> sendQueued());
	}

	@Override
	public double spent(BudgetSubject subject, Instant now) {
		SharedTotal total = totals.get(subject.counter());
		if (total == null || total.span.isOverAt(now)) {
			total = current(subject, now);
		}
		return total.span.covers(now) ? total.spent() : 0;
	}

	@Override
	public void add(BudgetSubject subject, Instant at, double costUsd) {
		SharedTotal total = current(subject, at);
		// A late cost of a period that is over does not count in the current one.
		if (total.span.covers(at)) {
			total.queue(costUsd);
			if (!redis.ready()) {
				redis.fellBack();
			}
		}
	}

	@Override
	public void seed(BudgetSubject subject, Instant periodStart, double spentSoFar) {
		PeriodSpan span = PeriodSpan.of(subject.period(), periodStart);
		SharedTotal total = totals.compute(subject.counter(), (counter, known) -> (known == null
				|| known.span.start().isBefore(span.start())) ? new SharedTotal(key(subject, span), span) : known);
		if (total.span.equals(span)) {
			total.observed(spentSoFar);
			raise(total, spentSoFar);
		}
	}

	/** The counter of the period containing {@code at}, or of a later one when {@code at} is late. */
	private SharedTotal current(BudgetSubject subject, Instant at) {
		return totals.compute(subject.counter(), (counter, known) -> {
			if (known != null && !known.span.isOverAt(at)) {
				return known;
			}
			PeriodSpan span = PeriodSpan.of(subject.period(), at);
			return new SharedTotal(key(subject, span), span);
		});
	}

	/** Sends what was spent since the last flush; while Redis is away the refresh does, when it is back. */
	private void sendQueued() {
		if (!redis.ready()) {
			return;
		}
		for (SharedTotal total : totals.values()) {
			double queued = total.resendUnsent();
			if (queued > 0) {
				dispatch(total, queued);
			}
		}
	}

	/** Sends a cost that already counts as in flight; keeps it in memory when Redis does not take it. */
	private void dispatch(SharedTotal total, double costUsd) {
		if (!redis.ready()) {
			redis.fellBack();
			total.failed(costUsd);
			return;
		}
		redis.<String>eval(RedisScript.ADD_SPEND, ScriptOutputType.VALUE, new String[] { total.key }, usd(costUsd),
				expiry(total.span))
			.subscribe(stored -> total.sent(costUsd, Double.parseDouble(stored)), failure -> {
				redis.fellBack();
				total.failed(costUsd);
			});
	}

	private void raise(SharedTotal total, double knownUsd) {
		if (!redis.ready()) {
			return;
		}
		redis.<String>eval(RedisScript.RAISE_SPEND, ScriptOutputType.VALUE, new String[] { total.key }, usd(knownUsd),
				expiry(total.span))
			.subscribe(stored -> total.observed(Double.parseDouble(stored)), failure -> {
			});
	}

	/**
	 * Forgets counters whose period is over, sends costs kept while Redis was away, reads every
	 * current total, and raises any that Redis holds lower than this replica knows it to be.
	 */
	Mono<Void> refresh() {
		Instant now = clock.instant();
		totals.values().removeIf(total -> total.span.isOverAt(now));
		if (totals.isEmpty() || !redis.ready()) {
			return Mono.empty();
		}
		List<SharedTotal> current = new ArrayList<>(totals.values());
		for (SharedTotal total : current) {
			double unsent = total.resendUnsent();
			if (unsent > 0) {
				dispatch(total, unsent);
			}
		}
		String[] keys = current.stream().map(total -> total.key).toArray(String[]::new);
		return redis.call(commands -> commands.mget(keys).collectList()).doOnNext(values -> {
			for (int i = 0; i < current.size(); i++) {
				SharedTotal total = current.get(i);
				KeyValue<String, String> value = values.get(i);
				double stored = value.hasValue() ? Double.parseDouble(value.getValue()) : 0;
				double known = total.shared();
				if (stored < known) {
					raise(total, known);
				}
				else {
					total.observed(stored);
				}
			}
		}).then();
	}

	@Override
	public void close() {
		refresher.dispose();
		costFlusher.dispose();
		sendQueued();
	}

	private String key(BudgetSubject subject, PeriodSpan span) {
		return redis.keyPrefix() + "spend:" + subject.scope().label() + ':' + subject.id() + ':'
				+ subject.period().name().toLowerCase(Locale.ROOT) + ':' + span.start().getEpochSecond();
	}

	private static String expiry(PeriodSpan span) {
		return (span.end() == null) ? "0" : Long.toString(span.end().plus(KEPT_AFTER_PERIOD).getEpochSecond());
	}

	private static String usd(double amount) {
		return BigDecimal.valueOf(amount).toPlainString();
	}

	/**
	 * One period's spend as this replica knows it: the total Redis last reported, plus costs sent and
	 * not yet confirmed, plus costs kept while Redis was away. The sum is what requests read.
	 */
	private static final class SharedTotal {

		final String key;

		final PeriodSpan span;

		private double shared;

		private double inFlight;

		private double unsent;

		private volatile double spent;

		SharedTotal(String key, PeriodSpan span) {
			this.key = key;
			this.span = span;
		}

		double spent() {
			return spent;
		}

		synchronized double shared() {
			return shared;
		}

		/** A cost counted here, to be sent with the next flush. */
		synchronized void queue(double cost) {
			unsent += cost;
			update();
		}

		synchronized void sent(double cost, double stored) {
			inFlight -= cost;
			shared = Math.max(shared, stored);
			update();
		}

		synchronized void failed(double cost) {
			inFlight -= cost;
			unsent += cost;
			update();
		}

		/** Moves the costs kept in memory back in flight; returns them. */
		synchronized double resendUnsent() {
			double taken = unsent;
			unsent = 0;
			inFlight += taken;
			return taken;
		}

		synchronized void observed(double stored) {
			shared = Math.max(shared, stored);
			update();
		}

		private void update() {
			spent = shared + inFlight + unsent;
		}

	}

}
