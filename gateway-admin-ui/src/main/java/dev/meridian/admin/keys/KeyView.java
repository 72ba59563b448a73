package dev.meridian.admin.keys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.meridian.db.governance.Budget;
import dev.meridian.db.governance.VirtualKey;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A virtual key as the admin API shows it, and as its audit entries record it: never its hash.
 *
 * @param key the plaintext, only in the answer that issued or rotated it
 * @param status the status in force: an active key past its expiry is {@code expired}
 */
public record KeyView(UUID id, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String key, String keyPrefix,
		String name, @Nullable UUID teamId, boolean admin, @Nullable List<String> models, @Nullable Integer rpmLimit,
		@Nullable Long tpmLimit, @Nullable BigDecimal maxBudgetUsd, @Nullable String budgetPeriod,
		@Nullable String defaultTier, boolean neverDowngrade, @Nullable Instant expiresAt, String status,
		JsonNode metadata, Instant createdAt, Instant updatedAt, @Nullable Instant revokedAt,
		@Nullable Instant rotatedAt) {

	public static KeyView of(VirtualKey key) {
		return of(key, null);
	}

	static KeyView of(VirtualKey key, @Nullable String plaintext) {
		Budget budget = key.limits().budget();
		return new KeyView(key.id(), plaintext, key.keyPrefix(), key.name(), key.teamId(), key.admin(),
				key.limits().models(), key.limits().rpmLimit(), key.limits().tpmLimit(),
				(budget == null) ? null : budget.maxUsd(), (budget == null) ? null : budget.period().value(),
				key.defaultTier(), key.neverDowngrade(), key.expiresAt(), key.status(Instant.now()).value(),
				JsonMapper.shared().readTree(key.metadataJson()), key.createdAt(), key.updatedAt(), key.revokedAt(),
				key.rotatedAt());
	}

	/** Keeps the plaintext out of logs. */
	@Override
	public String toString() {
		return "KeyView[" + id + ", " + keyPrefix + ", " + name + ", " + status + "]";
	}

}
