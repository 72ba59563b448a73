package dev.meridian.db.governance;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DuplicateKeyException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Console users and memberships on a real, freshly migrated PostgreSQL database. */
class UserRepositoryTest {

	private final ApplicationContextRunner context = GovernanceDatabase.fresh();

	@Test
	void createsUsersAndFindsThemByIdAndEmail() {
		context.run(app -> {
			UserRepository users = app.getBean(UserRepository.class);
			AppUser ada = users.create("ada@example.com", "Ada", "$2a$10$hash", true).block();

			assertThat(ada.platformAdmin()).isTrue();
			assertThat(ada.disabled()).isFalse();
			assertThat(ada.toString()).doesNotContain("$2a$10$hash");
			StepVerifier.create(users.findByEmail("ada@example.com"))
				.assertNext(found -> assertThat(found).isEqualTo(ada))
				.verifyComplete();
			StepVerifier.create(users.findById(ada.id()).map(AppUser::passwordHash))
				.expectNext("$2a$10$hash")
				.verifyComplete();
			StepVerifier.create(users.create("ada@example.com", null, null, false))
				.expectError(DuplicateKeyException.class)
				.verify();

			users.create("bob@example.com", null, null, false).block();
			StepVerifier.create(users.list(10, 0).map(AppUser::email))
				.expectNext("ada@example.com", "bob@example.com")
				.verifyComplete();
			StepVerifier.create(users.list(1, 1).map(AppUser::email)).expectNext("bob@example.com").verifyComplete();
		});
	}

	@Test
	void membershipsHaveOneRolePerTeam() {
		context.run(app -> {
			UserRepository users = app.getBean(UserRepository.class);
			Team team = app.getBean(TeamRepository.class).create(new TeamSettings("members", Limits.NONE, "{}")).block();
			AppUser user = users.create("member@example.com", null, null, false).block();

			StepVerifier.create(users.putMembership(team.id(), user.id(), TeamRole.MEMBER).map(TeamMembership::role))
				.expectNext(TeamRole.MEMBER)
				.verifyComplete();
			StepVerifier.create(users.putMembership(team.id(), user.id(), TeamRole.ADMIN).map(TeamMembership::role))
				.expectNext(TeamRole.ADMIN)
				.verifyComplete();
			StepVerifier.create(users.membershipsOf(user.id()))
				.assertNext(membership -> {
					assertThat(membership.teamId()).isEqualTo(team.id());
					assertThat(membership.role()).isEqualTo(TeamRole.ADMIN);
				})
				.verifyComplete();
			StepVerifier.create(users.membersOf(team.id()).map(TeamMembership::userId)).expectNext(user.id()).verifyComplete();

			StepVerifier.create(users.removeMembership(team.id(), user.id())).expectNext(true).verifyComplete();
			StepVerifier.create(users.membershipsOf(user.id())).verifyComplete();
		});
	}

}
