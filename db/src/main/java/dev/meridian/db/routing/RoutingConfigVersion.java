package dev.meridian.db.routing;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One saved version of the routing configuration document (YAML). */
public record RoutingConfigVersion(int version, String content, String contentSha256, String source,
		@Nullable String createdBy, OffsetDateTime createdAt) {
}
