package dev.meridian.db.governance;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log on a real, freshly migrated PostgreSQL database. */
class AuditLogRepositoryTest {

	private final ApplicationContextRunner context = GovernanceDatabase.fresh();

	@Test
	void appendsEntriesWithTheirSnapshots() {
		context.run(app -> {
			AuditLogRepository audit = app.getBean(AuditLogRepository.class);

			StepVerifier.create(audit.append("master-key", "update", "team", "t1", "{\"name\": \"a\"}", "{\"name\": \"b\"}"))
				.assertNext(entry -> {
					assertThat(entry.id()).isPositive();
					assertThat(entry.occurredAt()).isBefore(Instant.now().plusSeconds(1));
					assertThat(entry.actor()).isEqualTo("master-key");
					assertThat(entry.action()).isEqualTo("update");
					assertThat(entry.entityType()).isEqualTo("team");
					assertThat(entry.entityId()).isEqualTo("t1");
					assertThat(entry.beforeJson()).isEqualTo("{\"name\": \"a\"}");
					assertThat(entry.afterJson()).isEqualTo("{\"name\": \"b\"}");
				})
				.verifyComplete();
			StepVerifier.create(audit.append("master-key", "reencrypt", "provider_credential", null, null, "{}"))
				.assertNext(entry -> {
					assertThat(entry.entityId()).isNull();
					assertThat(entry.beforeJson()).isNull();
				})
				.verifyComplete();
		});
	}

	@Test
	void filtersNewestFirstAPageAtATime() {
		context.run(app -> {
			AuditLogRepository audit = app.getBean(AuditLogRepository.class);
			UUID team = UUID.randomUUID();
			UUID otherTeam = UUID.randomUUID();
			String teamJson = "{\"id\": \"" + team + "\"}";
			String keyOfTeam = "{\"id\": \"k1\", \"team_id\": \"" + team + "\"}";
			String keyOfOther = "{\"id\": \"k2\", \"team_id\": \"" + otherTeam + "\"}";
			long created = audit.append("master-key", "create", "team", team.toString(), null, teamJson).block().id();
			long keyCreated = audit.append("key:a", "create", "virtual_key", "k1", null, keyOfTeam).block().id();
			long otherKey = audit.append("master-key", "create", "virtual_key", "k2", null, keyOfOther).block().id();
			long revoked = audit.append("key:a", "revoke", "virtual_key", "k1", keyOfTeam, keyOfTeam).block().id();
			long deleted = audit.append("master-key", "delete", "virtual_key", "k3", keyOfTeam, null).block().id();
			long credential = audit.append("master-key", "create", "provider_credential", "openai", null, "{}").block().id();

			StepVerifier.create(ids(audit, new AuditQuery(null, null, null, null, null, null, 100, 0)))
				.expectNext(credential, deleted, revoked, otherKey, keyCreated, created)
				.verifyComplete();
			StepVerifier.create(ids(audit, new AuditQuery(Set.of(team), null, null, null, null, null, 100, 0)))
				.expectNext(deleted, revoked, keyCreated, created)
				.verifyComplete();
			StepVerifier.create(ids(audit, new AuditQuery(null, "virtual_key", "k1", null, null, null, 100, 0)))
				.expectNext(revoked, keyCreated)
				.verifyComplete();
			StepVerifier.create(ids(audit, new AuditQuery(null, null, null, "key:a", null, null, 100, 0)))
				.expectNext(revoked, keyCreated)
				.verifyComplete();
			StepVerifier.create(ids(audit, new AuditQuery(null, null, null, null, null, null, 2, 1)))
				.expectNext(deleted, revoked)
				.verifyComplete();
			Instant future = Instant.now().plusSeconds(3600);
			StepVerifier.create(ids(audit, new AuditQuery(null, null, null, null, future, null, 100, 0))).verifyComplete();
			StepVerifier.create(ids(audit, new AuditQuery(null, null, null, null, null, future, 100, 0)).count())
				.expectNext(6L)
				.verifyComplete();
		});
	}

	private static Flux<Long> ids(AuditLogRepository audit, AuditQuery query) {
		return audit.list(query).map(AuditEntry::id);
	}

}
