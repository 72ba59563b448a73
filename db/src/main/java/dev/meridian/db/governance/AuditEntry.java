package dev.meridian.db.governance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One change made through the console or the admin API.
 *
 * @param actor who made it: {@code master-key}, {@code key:<id>} or a user's email
 * @param action what was done, e.g. {@code create}, {@code update}, {@code revoke}
 * @param entityType what kind of thing changed, e.g. {@code team}, {@code virtual_key}
 * @param beforeJson the thing before the change as a JSON object; null when it was created
 * @param afterJson the thing after the change as a JSON object; null when it was deleted
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
		@Nullable String entityId, @Nullable String beforeJson, @Nullable String afterJson) {
}
