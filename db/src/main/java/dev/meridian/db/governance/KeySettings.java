package dev.meridian.db.governance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an admin sets on a virtual key: everything but its identity, team, secret and lifecycle.
 *
 * @param admin whether the key may call the admin API (within its team when it has one)
 * @param defaultTier the smart-routing tier used when the key's requests are not classified; null: classify
 * @param neverDowngrade smart routing never picks a cheaper tier than the one the key asks for
 * @param expiresAt when the key stops working; null: never
 * @param metadataJson a JSON object, free for the operator's own use
 */
public record KeySettings(String name, boolean admin, Limits limits, @Nullable String defaultTier,
		boolean neverDowngrade, @Nullable Instant expiresAt, String metadataJson) {
}
