package dev.meridian.admin.keys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.meridian.admin.api.LimitFields;
import dev.meridian.admin.api.RequestFields;
import dev.meridian.db.governance.KeySettings;
import dev.meridian.db.governance.Limits;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the body of {@code POST /keys} and {@code PATCH /keys/{id}}. */
final class KeyFields {

	static final List<String> TIERS = List.of("simple", "medium", "complex", "reasoning");

	private static final int MAX_NAME = 200;

	private static final List<String> ACCEPTED = Stream
		.of(List.of("name", "team_id"), LimitFields.NAMES,
				List.of("expires_at", "metadata", "default_tier", "never_downgrade", "admin"))
		.flatMap(List::stream)
		.toList();

	/** What a key has unless the request says otherwise. */
	private static final KeySettings NEW = new KeySettings("", false, Limits.NONE, null, false, null, "{}");

	/** A key to issue: its team (null for the caller's own, or none) and its settings. */
	record Draft(@Nullable UUID teamId, KeySettings settings) {
	}

	private KeyFields() {
	}

	/** @throws dev.meridian.admin.api.AdminApiException 400 naming every field that is wrong */
	static Draft forCreate(@Nullable JsonNode body) {
		RequestFields fields = RequestFields.of(body, ACCEPTED);
		if (!fields.has("name")) {
			fields.problem("name", "is required");
		}
		UUID teamId = fields.uuid("team_id");
		KeySettings settings = apply(fields, NEW);
		if (settings.expiresAt() != null && !settings.expiresAt().isAfter(Instant.now())) {
			fields.problem("expires_at", "is in the past; a key must be valid for some time");
		}
		fields.check();
		return new Draft(teamId, settings);
	}

	/** The settings after the change: a field left out stays as it is, null clears it. */
	static KeySettings forUpdate(@Nullable JsonNode body, KeySettings current) {
		RequestFields fields = RequestFields.of(body, ACCEPTED);
		if (fields.has("team_id")) {
			fields.problem("team_id", "a key's team cannot change; issue a new key in the other team");
		}
		KeySettings settings = apply(fields, current);
		fields.check();
		return settings;
	}

	/** The settings with the fields present applied; meaningful only when no problem was found. */
	private static KeySettings apply(RequestFields fields, KeySettings current) {
		String name = fields.has("name") ? fields.requiredText("name", MAX_NAME) : current.name();
		Limits limits = LimitFields.read(fields, current.limits());
		String tier = fields.has("default_tier") ? fields.oneOf("default_tier", TIERS) : current.defaultTier();
		Boolean neverDowngrade = fields.flag("never_downgrade");
		Boolean admin = fields.flag("admin");
		Instant expiresAt = fields.has("expires_at") ? fields.timestamp("expires_at") : current.expiresAt();
		String metadata = fields.has("metadata") ? fields.jsonObject("metadata") : current.metadataJson();
		return new KeySettings((name == null) ? current.name() : name, (admin == null) ? current.admin() : admin,
				limits, tier, (neverDowngrade == null) ? current.neverDowngrade() : neverDowngrade, expiresAt,
				(metadata == null) ? "{}" : metadata);
	}

}
