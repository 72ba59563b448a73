package dev.meridian.admin.routing;

import java.time.OffsetDateTime;
import java.util.List;

import dev.meridian.db.routing.RoutingConfigRepository;
import dev.meridian.db.routing.RoutingConfigVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The routing configuration in force and its history: {@code GET /api/admin/v1/routing-config}
 * answers the YAML document of the newest version, {@code .../versions} lists every version.
 */
@RestController
@RequestMapping("/api/admin/v1/routing-config")
class RoutingConfigController {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private final RoutingConfigRepository repository;

	RoutingConfigController(RoutingConfigRepository repository) {
		this.repository = repository;
	}

	@GetMapping
	Mono<ResponseEntity<String>> active() {
		return repository.latest()
			.map(version -> ResponseEntity.ok()
				.contentType(YAML)
				.header("x-meridian-config-version", Integer.toString(version.version()))
				.body(version.content()))
			.defaultIfEmpty(ResponseEntity.ok().contentType(YAML).body(""));
	}

	@GetMapping("/versions")
	Mono<List<VersionSummary>> versions() {
		return repository.history().map(VersionSummary::of).collectList();
	}

	/** A version without its content, newest first. */
	record VersionSummary(int version, String source, @Nullable String createdBy, OffsetDateTime createdAt,
			String contentSha256) {

		static VersionSummary of(RoutingConfigVersion version) {
			return new VersionSummary(version.version(), version.source(), version.createdBy(), version.createdAt(),
					version.contentSha256());
		}

	}

}
