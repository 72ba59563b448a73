package dev.meridian.gateway.governance;

import java.time.Duration;
import java.util.UUID;

import dev.meridian.db.DatabaseConfiguration;
import dev.meridian.db.DatabaseNotifications;
import dev.meridian.db.DatabaseNotifications.Notice;
import dev.meridian.db.governance.KeyStatus;
import dev.meridian.db.governance.TeamRepository;
import dev.meridian.db.governance.VirtualKeyRepository;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Keeps the {@link KeyDirectory} in step with the database: everything is loaded before the server
 * takes requests, then each notification reloads the one key or team it names, so a revoke on any
 * replica is in force everywhere as soon as the row is read back (milliseconds). Budget counters are
 * seeded from the ledger's rollups before a key or team with a budget is put in force.
 */
@Component
class GovernanceSync implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GovernanceSync.class);

	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private final VirtualKeyRepository keys;

	private final TeamRepository teams;

	private final KeyDirectory directory;

	private final DatabaseNotifications notifications;

	private final BudgetSeeds seeds;

	private @Nullable Disposable subscription;

	GovernanceSync(VirtualKeyRepository keys, TeamRepository teams, KeyDirectory directory,
			DatabaseNotifications notifications, BudgetSeeds seeds) {
		this.seeds = seeds;
		this.keys = keys;
		this.teams = teams;
		this.directory = directory;
		this.notifications = notifications;
	}

	@Override
	public void afterPropertiesSet() {
		// The first load goes through the same serial pipeline as the notifications, so a change
		// announced while it runs is applied after it, never overwritten by it.
		Sinks.Empty<Void> loaded = Sinks.empty();
		subscription = notifications.notices()
			.filter(notice -> notice.isResync() || DatabaseConfiguration.GOVERNANCE_CHANNEL.equals(notice.channel()))
			.startWith(Notice.RESYNC)
			.concatMap(notice -> apply(notice).onErrorResume(ex -> {
				log.warn("Could not apply the change '{}': {}", notice.payload(), ex.toString());
				return Mono.empty();
			}).doOnTerminate(loaded::tryEmitEmpty))
			.subscribe();
		loaded.asMono().block(STARTUP_WAIT);
		log.info("Loaded {} virtual keys and {} teams", directory.keys().size(), directory.teams().size());
	}

	private Mono<Void> apply(Notice notice) {
		if (notice.isResync()) {
			return reloadAll();
		}
		int colon = notice.payload().indexOf(':');
		if (colon < 0) {
			return Mono.empty();
		}
		String table = notice.payload().substring(0, colon);
		UUID id = UUID.fromString(notice.payload().substring(colon + 1));
		return switch (table) {
			case "virtual_key" -> keys.findById(id)
				.filter(key -> key.storedStatus() != KeyStatus.REVOKED)
				.map(ClientKey::of)
				.flatMap(key -> seeds.plant(key.budget()).thenReturn(key))
				.doOnNext(directory::put)
				.switchIfEmpty(Mono.fromRunnable(() -> directory.removeKey(id)))
				.then();
			case "team" -> teams.findById(id)
				.map(TeamPolicy::of)
				.flatMap(team -> seeds.plant(team.budget()).thenReturn(team))
				.doOnNext(directory::put)
				.switchIfEmpty(Mono.fromRunnable(() -> directory.removeTeam(id)))
				.then();
			default -> Mono.empty();
		};
	}

	private Mono<Void> reloadAll() {
		return Mono.zip(keys.findAllForSnapshot().map(ClientKey::of).collectList(),
				teams.findAllForSnapshot().map(TeamPolicy::of).collectList())
			.flatMap(loaded -> seeds.plant(loaded.getT1(), loaded.getT2())
				.then(Mono.fromRunnable(() -> directory.replaceAll(loaded.getT1(), loaded.getT2()))))
			.then();
	}

	@Override
	public void destroy() {
		if (subscription != null) {
			subscription.dispose();
		}
	}

}
