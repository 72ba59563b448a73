package dev.meridian.gateway.governance;

import java.util.Set;
import java.util.UUID;

import dev.meridian.db.governance.Budget;
import dev.meridian.db.governance.Limits;
import dev.meridian.db.governance.Team;
import dev.meridian.gateway.governance.limits.BudgetSubject;
import dev.meridian.gateway.governance.limits.LimitSubject;
import org.jspecify.annotations.Nullable;

/**
 * A team as the request path needs it: what its keys may use together.
 *
 * @param models the allowed model names; null allows every model
 * @param rateLimits the team's rpm and tpm limits; null when it has neither
 * @param budget null when the team has no spending cap
 */
public record TeamPolicy(UUID id, String name, @Nullable Set<String> models, @Nullable LimitSubject rateLimits,
		@Nullable BudgetSubject budget) {

	public TeamPolicy {
		models = (models == null) ? null : Set.copyOf(models);
	}

	static TeamPolicy of(Team team) {
		Limits limits = team.limits();
		LimitSubject rateLimits = LimitSubject.team(team.id(), limits.rpmLimit(), limits.tpmLimit());
		Budget budget = limits.budget();
		return new TeamPolicy(team.id(), team.name(), limits.models() == null ? null : Set.copyOf(limits.models()),
				rateLimits.hasLimits() ? rateLimits : null,
				budget == null ? null : BudgetSubject.team(team.id(), budget.period(), budget.maxUsd().doubleValue()));
	}

}
