package dev.meridian.admin.audit;

import dev.meridian.admin.security.AdminPrincipal;
import dev.meridian.db.governance.AuditLogRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit entries. Call it inside the transaction of the change it records, with snapshots that
 * are what the admin API shows of the thing (never a key's hash or plaintext, never a credential's
 * value). Snapshots are written in snake_case whatever the web layer's settings, because the team
 * rule of {@link dev.meridian.db.governance.AuditQuery} reads their {@code team_id}.
 */
@Component
public class AuditTrail {

	public static final String TEAM = "team";

	public static final String VIRTUAL_KEY = "virtual_key";

	public static final String PROVIDER_CREDENTIAL = "provider_credential";

	private static final JsonMapper SNAPSHOTS = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private final AuditLogRepository log;

	public AuditTrail(AuditLogRepository log) {
		this.log = log;
	}

	/**
	 * @param action e.g. {@code create}, {@code update}, {@code delete}, {@code revoke}, {@code rotate}
	 * @param before the thing before the change; null when it was created
	 * @param after the thing after the change; null when it was deleted
	 */
	public Mono<Void> record(AdminPrincipal actor, String action, String entityType, @Nullable Object entityId,
			@Nullable Object before, @Nullable Object after) {
		return Mono.defer(() -> log.append(actor.actor(), action, entityType,
				(entityId == null) ? null : entityId.toString(), snapshot(before), snapshot(after)))
			.then();
	}

	private static @Nullable String snapshot(@Nullable Object thing) {
		return (thing == null) ? null : SNAPSHOTS.writeValueAsString(thing);
	}

}
