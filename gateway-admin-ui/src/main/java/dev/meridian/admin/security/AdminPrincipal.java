package dev.meridian.admin.security;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling the admin API, and which teams they may see and change.
 *
 * @param actor how the audit log names the caller: {@code master-key}, {@code key:<id>} or a user's email
 * @param teams the teams within reach; null for a platform-wide admin (the master key, a key or user
 * without a team scope)
 */
public record AdminPrincipal(String actor, @Nullable Set<UUID> teams) {

	/** The exchange attribute under which the admin filter leaves the principal. */
	public static final String ATTRIBUTE = AdminPrincipal.class.getName();

	public static final AdminPrincipal MASTER_KEY = new AdminPrincipal("master-key", null);

	public AdminPrincipal {
		teams = (teams == null) ? null : Set.copyOf(teams);
	}

	/** The principal the admin filter authenticated for this exchange. */
	public static AdminPrincipal of(ServerWebExchange exchange) {
		AdminPrincipal principal = exchange.getAttribute(ATTRIBUTE);
		if (principal == null) {
			throw new IllegalStateException("no admin principal on " + exchange.getRequest().getPath());
		}
		return principal;
	}

	public boolean platformWide() {
		return teams == null;
	}

	/** Whether the caller may see and change what belongs to the team; team-less things need platform rights. */
	public boolean reaches(@Nullable UUID team) {
		return teams == null || (team != null && teams.contains(team));
	}

}
