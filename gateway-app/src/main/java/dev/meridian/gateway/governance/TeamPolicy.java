package dev.meridian.gateway.governance;

import java.util.Set;
import java.util.UUID;

import dev.meridian.db.governance.Budget;
import dev.meridian.db.governance.Team;
import org.jspecify.annotations.Nullable;

/**
 * A team as the request path needs it: what its keys may use together.
 *
 * @param models the allowed model names; null allows every model
 * @param budget null when the team has no spending cap
 */
public record TeamPolicy(UUID id, String name, @Nullable Set<String> models, @Nullable Integer rpm, @Nullable Long tpm,
		@Nullable Budget budget) {

	public TeamPolicy {
		models = (models == null) ? null : Set.copyOf(models);
	}

	static TeamPolicy of(Team team) {
		return new TeamPolicy(team.id(), team.name(), team.limits().models() == null ? null
				: Set.copyOf(team.limits().models()), team.limits().rpmLimit(), team.limits().tpmLimit(),
				team.limits().budget());
	}

}
