package dev.meridian.db.governance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Teams on a real, freshly migrated PostgreSQL database. */
class TeamRepositoryTest {

	private final ApplicationContextRunner context = GovernanceDatabase.fresh();

	@Test
	void createsReadsAndUpdatesATeamWithItsLimits() {
		context.run(app -> {
			TeamRepository teams = app.getBean(TeamRepository.class);
			Limits limits = new Limits(List.of("gpt-4o", "claude-sonnet"), 60, 100_000L,
					new Budget(new BigDecimal("250.50"), BudgetPeriod.MONTHLY));
			Team created = teams.create(new TeamSettings("research", limits, "{\"cost_center\": \"R&D\"}")).block();

			assertThat(created.name()).isEqualTo("research");
			assertThat(created.limits()).isEqualTo(new Limits(List.of("gpt-4o", "claude-sonnet"), 60, 100_000L,
					new Budget(new BigDecimal("250.5"), BudgetPeriod.MONTHLY)));
			assertThat(created.metadataJson()).isEqualTo("{\"cost_center\": \"R&D\"}");
			assertThat(created.createdAt()).isEqualTo(created.updatedAt());

			StepVerifier.create(teams.findById(created.id()))
				.assertNext(found -> assertThat(found).isEqualTo(created))
				.verifyComplete();

			StepVerifier.create(teams.update(created.id(), new TeamSettings("research-eu", Limits.NONE, "{}")))
				.assertNext(updated -> {
					assertThat(updated.name()).isEqualTo("research-eu");
					assertThat(updated.limits()).isEqualTo(Limits.NONE);
					assertThat(updated.updatedAt()).isAfter(created.updatedAt());
					assertThat(updated.createdAt()).isEqualTo(created.createdAt());
				})
				.verifyComplete();
		});
	}

	@Test
	void aBudgetStoredWithoutPeriodIsATotalBudget() {
		context.run(app -> {
			TeamRepository teams = app.getBean(TeamRepository.class);
			Team team = teams.create(new TeamSettings("whole-life", Limits.NONE, "{}")).block();
			app.getBean(DatabaseClient.class)
				.sql("UPDATE team SET max_budget_usd = 10 WHERE id = :id")
				.bind("id", team.id())
				.then()
				.block();

			StepVerifier.create(teams.findById(team.id()))
				.assertNext(found -> assertThat(found.limits().budget())
					.isEqualTo(new Budget(BigDecimal.TEN, BudgetPeriod.TOTAL)))
				.verifyComplete();
		});
	}

	@Test
	void namesAreUnique() {
		context.run(app -> {
			TeamRepository teams = app.getBean(TeamRepository.class);
			teams.create(new TeamSettings("platform", Limits.NONE, "{}")).block();

			StepVerifier.create(teams.create(new TeamSettings("platform", Limits.NONE, "{}")))
				.expectError(DuplicateKeyException.class)
				.verify();
		});
	}

	@Test
	void listsByNameAPageAtATimeWithinAScope() {
		context.run(app -> {
			TeamRepository teams = app.getBean(TeamRepository.class);
			Team bravo = teams.create(new TeamSettings("list-bravo", Limits.NONE, "{}")).block();
			Team alpha = teams.create(new TeamSettings("list-alpha", Limits.NONE, "{}")).block();
			Team charlie = teams.create(new TeamSettings("list-charlie", Limits.NONE, "{}")).block();
			Set<UUID> mine = Set.of(alpha.id(), bravo.id(), charlie.id());

			StepVerifier.create(teams.list(mine, 2, 0).map(Team::name))
				.expectNext("list-alpha", "list-bravo")
				.verifyComplete();
			StepVerifier.create(teams.list(mine, 2, 2).map(Team::name)).expectNext("list-charlie").verifyComplete();
			StepVerifier.create(teams.list(Set.of(charlie.id()), 10, 0).map(Team::name))
				.expectNext("list-charlie")
				.verifyComplete();
			StepVerifier.create(teams.findAllForSnapshot().map(Team::id).collectList())
				.assertNext(all -> assertThat(all).containsAll(mine))
				.verifyComplete();
		});
	}

	@Test
	void deletingATeamLeavesItsKeysWithoutATeam() {
		context.run(app -> {
			TeamRepository teams = app.getBean(TeamRepository.class);
			VirtualKeyRepository keys = app.getBean(VirtualKeyRepository.class);
			Team team = teams.create(new TeamSettings("short-lived", Limits.NONE, "{}")).block();
			VirtualKey key = keys.create(new KeySettings("k", false, Limits.NONE, null, false, null, "{}"), team.id(),
					null, VirtualKeys.generate()).block();

			StepVerifier.create(teams.delete(team.id())).expectNext(true).verifyComplete();
			StepVerifier.create(teams.delete(team.id())).expectNext(false).verifyComplete();
			StepVerifier.create(teams.findById(team.id())).verifyComplete();
			StepVerifier.create(keys.findById(key.id()))
				.assertNext(found -> assertThat(found.teamId()).isNull())
				.verifyComplete();
		});
	}

}
