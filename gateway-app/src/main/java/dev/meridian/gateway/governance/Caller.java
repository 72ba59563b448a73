package dev.meridian.gateway.governance;

import java.util.List;

import dev.meridian.gateway.governance.limits.LimitSubject;
import dev.meridian.gateway.routing.smart.TierPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: the holder of the master key (no limits), or a virtual key and its team.
 *
 * @param key null for the master key
 * @param team null for the master key and for keys without a team
 */
public record Caller(@Nullable ClientKey key, @Nullable TeamPolicy team) {

	public static final Caller MASTER = new Caller(null, null);

	public boolean isMaster() {
		return key == null;
	}

	/** Whether the key and its team both allow the model name. */
	public boolean mayUse(String model) {
		return (key == null || key.models() == null || key.models().contains(model))
				&& (team == null || team.models() == null || team.models().contains(model));
	}

	/** How the key wants smart routing to pick tiers for it. */
	public TierPolicy tierPolicy() {
		return (key == null) ? TierPolicy.NONE : key.tierPolicy();
	}

	/** The key's and the team's rpm and tpm limits, the key's first; empty when neither has any. */
	List<LimitSubject> rateLimits() {
		LimitSubject ofKey = (key == null) ? null : key.rateLimits();
		LimitSubject ofTeam = (team == null) ? null : team.rateLimits();
		if (ofKey == null) {
			return (ofTeam == null) ? List.of() : List.of(ofTeam);
		}
		return (ofTeam == null) ? List.of(ofKey) : List.of(ofKey, ofTeam);
	}

}
