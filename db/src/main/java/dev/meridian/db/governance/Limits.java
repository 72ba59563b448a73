package dev.meridian.db.governance;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a team or a key may use. A request must pass both its key's and its team's limits.
 *
 * @param models the models allowed; null allows every model
 * @param rpmLimit requests per minute; null is unlimited
 * @param tpmLimit tokens per minute; null is unlimited
 * @param budget null is unlimited
 */
public record Limits(@Nullable List<String> models, @Nullable Integer rpmLimit, @Nullable Long tpmLimit,
		@Nullable Budget budget) {

	public static final Limits NONE = new Limits(null, null, null, null);

	public Limits {
		models = (models == null) ? null : List.copyOf(models);
	}

}
