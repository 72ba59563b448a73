package dev.meridian.gateway.governance;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.meridian.db.governance.Budget;
import dev.meridian.db.governance.KeyStatus;
import dev.meridian.db.governance.Limits;
import dev.meridian.db.governance.VirtualKey;
import dev.meridian.gateway.governance.limits.BudgetSubject;
import dev.meridian.gateway.governance.limits.LimitSubject;
import dev.meridian.gateway.routing.smart.Tier;
import dev.meridian.gateway.routing.smart.TierPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A virtual key as the request path needs it. The plaintext is never held: requests are matched by
 * the SHA-256 of what they present. Revoked keys are not held either: they are refused as unknown,
 * as OpenAI refuses its own revoked keys.
 *
 * @param keyHash lowercase hex SHA-256 of the plaintext
 * @param teamId null for a key that belongs to no team
 * @param expiresAt null when the key does not expire
 * @param models the allowed model names; null allows every model
 * @param rateLimits the key's rpm and tpm limits; null when it has neither
 * @param budget the key's own spending cap; null when it has none
 * @param tierPolicy the key's smart-routing preference: with {@code default_tier} alone, its requests
 * that name no tier are served from that tier without classifying; with {@code never_downgrade} too,
 * they are classified but never served below it
 */
public record ClientKey(UUID id, String name, String keyHash, @Nullable UUID teamId, @Nullable Instant expiresAt,
		@Nullable Set<String> models, @Nullable LimitSubject rateLimits, @Nullable BudgetSubject budget,
		TierPolicy tierPolicy) {

	public ClientKey {
		models = (models == null) ? null : Set.copyOf(models);
	}

	static ClientKey of(VirtualKey key) {
		// A key stored as expired without a date has been expired since forever.
		Instant expiry = (key.expiresAt() == null && key.storedStatus() == KeyStatus.EXPIRED) ? Instant.EPOCH
				: key.expiresAt();
		Limits limits = key.limits();
		LimitSubject rateLimits = LimitSubject.key(key.id(), limits.rpmLimit(), limits.tpmLimit());
		Budget budget = limits.budget();
		return new ClientKey(key.id(), key.name(), key.keyHash(), key.teamId(), expiry,
				limits.models() == null ? null : Set.copyOf(limits.models()), rateLimits.hasLimits() ? rateLimits : null,
				budget == null ? null : BudgetSubject.key(key.id(), budget.period(), budget.maxUsd().doubleValue()),
				tierPolicy(Tier.fromName(key.defaultTier()), key.neverDowngrade()));
	}

	private static TierPolicy tierPolicy(@Nullable Tier tier, boolean neverDowngrade) {
		if (tier == null) {
			return TierPolicy.NONE;
		}
		return neverDowngrade ? new TierPolicy(null, tier) : new TierPolicy(tier, null);
	}

	public boolean expiredAt(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}

}
