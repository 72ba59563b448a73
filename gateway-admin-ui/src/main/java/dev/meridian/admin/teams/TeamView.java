package dev.meridian.admin.teams;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.db.governance.Budget;
import dev.meridian.db.governance.Team;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A team as the admin API shows it, and as its audit entries record it. */
record TeamView(UUID id, String name, @Nullable List<String> models, @Nullable Integer rpmLimit,
		@Nullable Long tpmLimit, @Nullable BigDecimal maxBudgetUsd, @Nullable String budgetPeriod, JsonNode metadata,
		Instant createdAt, Instant updatedAt) {

	static TeamView of(Team team) {
		Budget budget = team.limits().budget();
		return new TeamView(team.id(), team.name(), team.limits().models(), team.limits().rpmLimit(),
				team.limits().tpmLimit(), (budget == null) ? null : budget.maxUsd(),
				(budget == null) ? null : budget.period().value(), JsonMapper.shared().readTree(team.metadataJson()),
				team.createdAt(), team.updatedAt());
	}

}
