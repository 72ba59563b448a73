package dev.meridian.db.governance;

import java.time.Instant;
import java.util.UUID;

/**
 * A team: keys belong to one, and its limits apply on top of each key's own.
 *
 * @param metadataJson a JSON object, free for the operator's own use
 */
public record Team(UUID id, String name, Limits limits, String metadataJson, Instant createdAt,
		Instant updatedAt) {

	public TeamSettings settings() {
		return new TeamSettings(name, limits, metadataJson);
	}

}
