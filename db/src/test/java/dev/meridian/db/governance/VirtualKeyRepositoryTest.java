package dev.meridian.db.governance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Virtual keys on a real, freshly migrated PostgreSQL database. */
class VirtualKeyRepositoryTest {

	private static final KeySettings PLAIN = new KeySettings("plain", false, Limits.NONE, null, false, null, "{}");

	private final ApplicationContextRunner context = GovernanceDatabase.fresh();

	@Test
	void storesTheHashAndPrefixAndFindsTheKeyByEither() {
		context.run(app -> {
			VirtualKeyRepository keys = app.getBean(VirtualKeyRepository.class);
			Team team = app.getBean(TeamRepository.class).create(new TeamSettings("hash-team", Limits.NONE, "{}")).block();
			IssuedKey issued = VirtualKeys.generate();
			Instant expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
			KeySettings settings = new KeySettings("ci", true,
					new Limits(List.of("gpt-4o-mini"), 10, 5000L, new Budget(new BigDecimal("1.25"), BudgetPeriod.DAILY)),
					"medium", true, expiry, "{\"owner\": \"ci\"}");

			VirtualKey created = keys.create(settings, team.id(), null, issued).block();

			assertThat(created.keyHash()).isEqualTo(issued.hash());
			assertThat(created.keyPrefix()).isEqualTo(issued.prefix());
			assertThat(created.settings()).isEqualTo(settings);
			assertThat(created.teamId()).isEqualTo(team.id());
			assertThat(created.storedStatus()).isEqualTo(KeyStatus.ACTIVE);
			assertThat(created.revokedAt()).isNull();
			assertThat(created.rotatedAt()).isNull();
			String storedHash = app.getBean(DatabaseClient.class)
				.sql("SELECT key_hash FROM virtual_key WHERE id = :id")
				.bind("id", created.id())
				.mapValue(String.class)
				.one()
				.block();
			assertThat(storedHash).isEqualTo(VirtualKeys.hash(issued.plaintext())).doesNotContain(issued.plaintext());

			StepVerifier.create(keys.findByHash(VirtualKeys.hash(issued.plaintext())))
				.assertNext(found -> assertThat(found).isEqualTo(created))
				.verifyComplete();
			StepVerifier.create(keys.findById(created.id()))
				.assertNext(found -> assertThat(found).isEqualTo(created))
				.verifyComplete();
			StepVerifier.create(keys.findByHash(VirtualKeys.hash("sk-mrd-unknown"))).verifyComplete();
		});
	}

	@Test
	void aKeyPastItsExpiryIsExpired() {
		Instant now = Instant.now();
		VirtualKey key = new VirtualKey(UUID.randomUUID(), "k", "h", "p", null, null, false, Limits.NONE, null, false,
				now.minusSeconds(1), KeyStatus.ACTIVE, "{}", now, now, null, null);

		assertThat(key.status(now)).isEqualTo(KeyStatus.EXPIRED);
		assertThat(key.status(now.minusSeconds(2))).isEqualTo(KeyStatus.ACTIVE);
	}

	@Test
	void revokingIsFinalAndHappensOnce() {
		context.run(app -> {
			VirtualKeyRepository keys = app.getBean(VirtualKeyRepository.class);
			VirtualKey key = keys.create(PLAIN, null, null, VirtualKeys.generate()).block();

			StepVerifier.create(keys.revoke(key.id()))
				.assertNext(revoked -> {
					assertThat(revoked.storedStatus()).isEqualTo(KeyStatus.REVOKED);
					assertThat(revoked.revokedAt()).isNotNull();
				})
				.verifyComplete();
			StepVerifier.create(keys.revoke(key.id())).verifyComplete();
			StepVerifier.create(keys.update(key.id(), PLAIN)).verifyComplete();
			StepVerifier.create(keys.rotate(key.id(), VirtualKeys.generate())).verifyComplete();
			StepVerifier.create(keys.findById(key.id()).map(VirtualKey::storedStatus))
				.expectNext(KeyStatus.REVOKED)
				.verifyComplete();
		});
	}

	@Test
	void rotatingReplacesTheSecretUnderTheSameId() {
		context.run(app -> {
			VirtualKeyRepository keys = app.getBean(VirtualKeyRepository.class);
			IssuedKey first = VirtualKeys.generate();
			VirtualKey key = keys.create(PLAIN, null, null, first).block();
			IssuedKey second = VirtualKeys.generate();

			StepVerifier.create(keys.rotate(key.id(), second))
				.assertNext(rotated -> {
					assertThat(rotated.id()).isEqualTo(key.id());
					assertThat(rotated.keyHash()).isEqualTo(second.hash());
					assertThat(rotated.keyPrefix()).isEqualTo(second.prefix());
					assertThat(rotated.rotatedAt()).isNotNull();
				})
				.verifyComplete();
			StepVerifier.create(keys.findByHash(first.hash())).verifyComplete();
			StepVerifier.create(keys.findByHash(second.hash()).map(VirtualKey::id)).expectNext(key.id()).verifyComplete();
		});
	}

	@Test
	void listsByTeamAndStatusInForceAndSnapshotsEveryKeyNotRevoked() {
		context.run(app -> {
			VirtualKeyRepository keys = app.getBean(VirtualKeyRepository.class);
			TeamRepository teams = app.getBean(TeamRepository.class);
			UUID team = teams.create(new TeamSettings("status-team", Limits.NONE, "{}")).block().id();
			UUID other = teams.create(new TeamSettings("status-other", Limits.NONE, "{}")).block().id();
			UUID active = keys.create(PLAIN, team, null, VirtualKeys.generate()).block().id();
			UUID expired = keys.create(new KeySettings("old", false, Limits.NONE, null, false,
					Instant.now().minusSeconds(60), "{}"), team, null, VirtualKeys.generate()).block().id();
			UUID revoked = keys.create(PLAIN, team, null, VirtualKeys.generate()).block().id();
			keys.revoke(revoked).block();
			UUID elsewhere = keys.create(PLAIN, other, null, VirtualKeys.generate()).block().id();

			StepVerifier.create(keys.list(new KeyQuery(null, team, null, 10, 0)).map(VirtualKey::id).collectList())
				.assertNext(ids -> assertThat(ids).containsExactly(revoked, expired, active))
				.verifyComplete();
			StepVerifier.create(keys.list(new KeyQuery(null, team, KeyStatus.ACTIVE, 10, 0)).map(VirtualKey::id))
				.expectNext(active)
				.verifyComplete();
			StepVerifier.create(keys.list(new KeyQuery(null, team, KeyStatus.EXPIRED, 10, 0)).map(VirtualKey::id))
				.expectNext(expired)
				.verifyComplete();
			StepVerifier.create(keys.list(new KeyQuery(null, team, KeyStatus.REVOKED, 10, 0)).map(VirtualKey::id))
				.expectNext(revoked)
				.verifyComplete();
			StepVerifier.create(keys.list(new KeyQuery(Set.of(other), null, null, 10, 0)).map(VirtualKey::id))
				.expectNext(elsewhere)
				.verifyComplete();
			StepVerifier.create(keys.list(new KeyQuery(null, team, null, 1, 1)).map(VirtualKey::id))
				.expectNext(expired)
				.verifyComplete();
			StepVerifier.create(keys.findUnrevokedOfTeam(team).map(VirtualKey::id))
				.expectNext(active, expired)
				.verifyComplete();
			StepVerifier.create(keys.findAllForSnapshot().map(VirtualKey::id).collectList())
				.assertNext(ids -> assertThat(ids).contains(active, expired, elsewhere).doesNotContain(revoked))
				.verifyComplete();
		});
	}

}
