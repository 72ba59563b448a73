package dev.meridian.db;

import dev.meridian.db.governance.AuditLogRepository;
import dev.meridian.db.governance.Limits;
import dev.meridian.db.governance.TeamRepository;
import dev.meridian.db.governance.TeamSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** A change and its audit entry commit together or not at all. */
class DatabaseTransactionsTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(DatabaseConfiguration.class, TeamRepository.class, AuditLogRepository.class)
		.withPropertyValues("meridian.database.url=" + TestDatabases.freshDatabaseUrl());

	@Test
	void aFailureAfterTheChangeRollsItBack() {
		context.run(app -> {
			TransactionalOperator transaction = app.getBean(TransactionalOperator.class);
			TeamRepository teams = app.getBean(TeamRepository.class);
			AuditLogRepository audit = app.getBean(AuditLogRepository.class);

			StepVerifier.create(transaction.transactional(teams.create(new TeamSettings("rolled-back", Limits.NONE, "{}"))
				.flatMap(team -> audit.append("master-key", "create", "team", team.id().toString(), null, "{}"))
				.then(Mono.error(new IllegalStateException("the audit entry could not be written")))))
				.expectError(IllegalStateException.class)
				.verify();
			StepVerifier.create(transaction.transactional(teams.create(new TeamSettings("committed", Limits.NONE, "{}"))
				.flatMap(team -> audit.append("master-key", "create", "team", team.id().toString(), null, "{}"))))
				.expectNextCount(1)
				.verifyComplete();

			DatabaseClient db = app.getBean(DatabaseClient.class);
			StepVerifier.create(db.sql("SELECT name FROM team").mapValue(String.class).all())
				.expectNext("committed")
				.verifyComplete();
			StepVerifier.create(db.sql("SELECT count(*) FROM audit_log").mapValue(Long.class).one())
				.expectNext(1L)
				.verifyComplete();
		});
	}

}
