package dev.meridian.gateway.governance.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.meridian.db.governance.BudgetPeriod;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas, each with its own Redis client, enforce one set of limits and budgets together.
 */
class RedisReplicasTest {

	private final String prefix = TestRedis.newPrefix();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SharedRedis first = TestRedis.connect(TestRedis.URL, prefix, registry);

	private final SharedRedis second = TestRedis.connect(TestRedis.URL, prefix, new SimpleMeterRegistry());

	private final List<AutoCloseable> closing = new ArrayList<>(List.of(first, second));

	@BeforeAll
	static void redisIsThere() {
		TestRedis.assumeReachable();
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable each : closing.reversed()) {
			each.close();
		}
		TestRedis.deleteKeys(prefix);
	}

	@Test
	void twoReplicasAdmitTheRpmTogether() {
		RateLimiter one = new RedisRateLimiter(first, InstantSource.system());
		RateLimiter other = new RedisRateLimiter(second, InstantSource.system());
		List<LimitSubject> key = List.of(LimitSubject.key(UUID.randomUUID(), 10, null));

		int admitted = 0;
		for (int i = 0; i < 6; i++) {
			admitted += one.admit(key, 0).block().admitted() ? 1 : 0;
			admitted += other.admit(key, 0).block().admitted() ? 1 : 0;
		}

		assertThat(admitted).isEqualTo(10);
	}

	@Test
	void manyParallelRequestsNeverPassTheLimit() {
		RateLimiter one = new RedisRateLimiter(first, InstantSource.system());
		RateLimiter other = new RedisRateLimiter(second, InstantSource.system());
		UUID team = UUID.randomUUID();

		List<Admission> admissions = Flux.range(0, 400)
			.flatMap(i -> Mono.defer(() -> ((i % 2 == 0) ? one : other)
				.admit(List.of(LimitSubject.key(UUID.randomUUID(), 5, null), LimitSubject.team(team, 50, null)), 0)),
					64)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(admissions).filteredOn(Admission::admitted).hasSize(50);
		assertThat(admissions).filteredOn(admission -> !admission.admitted())
			.allSatisfy(refused -> assertThat(refused.refusal().subject().scope()).isEqualTo(Scope.TEAM));
		assertThat(registry.get("meridian.redis.fallbacks").counter().count()).isZero();
	}

	@Test
	void tokensCountedOnOneReplicaLimitTheOther() {
		List<LimitSubject> key = List.of(LimitSubject.key(UUID.randomUUID(), null, 1000L));
		new RedisRateLimiter(first, InstantSource.system()).recordTokens(key, 1000);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> !new RedisRateLimiter(second, InstantSource.system()).admit(key, 1).block().admitted());
	}

	@Test
	void spendOnOneReplicaExhaustsTheBudgetOnTheOtherWithinARefresh() {
		SpendCounters one = spendCounters(first);
		SpendCounters other = spendCounters(second);
		BudgetSubject team = BudgetSubject.team(UUID.randomUUID(), BudgetPeriod.DAILY, 10);
		Instant now = Instant.now();
		assertThat(other.exhausted(team, now)).isFalse();

		one.add(team, now, 6);
		one.add(team, now, 4);

		await().atMost(Duration.ofSeconds(10)).until(() -> other.exhausted(team, Instant.now()));
		assertThat(other.spent(team, Instant.now())).isEqualTo(10);
	}

	@Test
	void replicasSeedingTheSameLedgerTotalCountItOnce() {
		SpendCounters one = spendCounters(first);
		SpendCounters other = spendCounters(second);
		BudgetSubject key = BudgetSubject.key(UUID.randomUUID(), BudgetPeriod.MONTHLY, 100);
		Instant now = Instant.now();
		Instant month = BudgetPeriod.MONTHLY.start(now);

		one.seed(key, month, 40);
		other.seed(key, month, 40);
		one.add(key, now, 2.5);

		await().atMost(Duration.ofSeconds(10)).until(() -> other.spent(key, Instant.now()) == 42.5);
		assertThat(stored(key, month)).isEqualTo(42.5);
	}

	@Test
	void aTotalRedisLostIsRaisedAgainToWhatTheReplicaKnew() {
		SpendCounters one = spendCounters(first);
		BudgetSubject key = BudgetSubject.key(UUID.randomUUID(), BudgetPeriod.WEEKLY, 100);
		Instant now = Instant.now();
		Instant week = BudgetPeriod.WEEKLY.start(now);
		one.add(key, now, 3);
		await().atMost(Duration.ofSeconds(10)).until(() -> stored(key, week) == 3);

		try (RedisClient client = RedisClient.create(TestRedis.URL);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().del(spendKey(key, week));
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> stored(key, week) == 3);
	}

	private RedisSpendCounters spendCounters(SharedRedis redis) {
		RedisSpendCounters counters = new RedisSpendCounters(redis, InstantSource.system(), Duration.ofMillis(50));
		closing.add(counters);
		return counters;
	}

	/** What Redis holds for the period; 0 when nothing. */
	private double stored(BudgetSubject subject, Instant periodStart) {
		try (RedisClient client = RedisClient.create(TestRedis.URL);
				StatefulRedisConnection<String, String> connection = client.connect()) {
			String stored = connection.sync().get(spendKey(subject, periodStart));
			return (stored == null) ? 0 : Double.parseDouble(stored);
		}
	}

	private String spendKey(BudgetSubject subject, Instant periodStart) {
		return prefix + "spend:" + subject.scope().label() + ":" + subject.id() + ":"
				+ subject.period().name().toLowerCase(Locale.ROOT) + ":" + periodStart.getEpochSecond();
	}

}
