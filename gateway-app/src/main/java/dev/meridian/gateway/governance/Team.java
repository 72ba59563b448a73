package dev.meridian.gateway.governance;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A team as the request path needs it: what its keys may use together.
 *
 * @param models the allowed model names; null allows every model
 * @param budget null when the team has no spending cap
 */
public record Team(UUID id, String name, @Nullable Set<String> models, @Nullable Integer rpm, @Nullable Long tpm,
		@Nullable Budget budget) {

	public Team {
		models = (models == null) ? null : Set.copyOf(models);
	}

}
