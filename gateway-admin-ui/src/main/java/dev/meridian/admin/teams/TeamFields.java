package dev.meridian.admin.teams;

import java.util.List;
import java.util.stream.Stream;

import dev.meridian.admin.api.LimitFields;
import dev.meridian.admin.api.RequestFields;
import dev.meridian.db.governance.Limits;
import dev.meridian.db.governance.TeamSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the body of {@code POST /teams} and {@code PATCH /teams/{id}}. */
final class TeamFields {

	static final int MAX_NAME = 200;

	private static final List<String> ACCEPTED = Stream.of(List.of("name"), LimitFields.NAMES, List.of("metadata"))
		.flatMap(List::stream)
		.toList();

	private TeamFields() {
	}

	/** @throws dev.meridian.admin.api.AdminApiException 400 naming every field that is wrong */
	static TeamSettings forCreate(@Nullable JsonNode body) {
		RequestFields fields = RequestFields.of(body, ACCEPTED);
		String name = fields.requiredText("name", MAX_NAME);
		Limits limits = LimitFields.read(fields, Limits.NONE);
		String metadata = fields.jsonObject("metadata");
		fields.check();
		return new TeamSettings(name, limits, (metadata == null) ? "{}" : metadata);
	}

	/** The settings after the change: a field left out stays as it is, null clears it. */
	static TeamSettings forUpdate(@Nullable JsonNode body, TeamSettings current) {
		RequestFields fields = RequestFields.of(body, ACCEPTED);
		String name = fields.has("name") ? fields.requiredText("name", MAX_NAME) : current.name();
		Limits limits = LimitFields.read(fields, current.limits());
		String metadata = fields.has("metadata") ? fields.jsonObject("metadata") : current.metadataJson();
		fields.check();
		return new TeamSettings(name, limits, (metadata == null) ? "{}" : metadata);
	}

}
