package dev.meridian.gateway.governance;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every virtual key and team, in memory: what a request is checked against. Reads take no lock;
 * {@link GovernanceSync} applies changes as the database announces them.
 */
@Component
public class KeyDirectory {

	private final Map<String, ClientKey> keysByHash = new ConcurrentHashMap<>();

	private final Map<UUID, ClientKey> keysById = new ConcurrentHashMap<>();

	private final Map<UUID, TeamPolicy> teams = new ConcurrentHashMap<>();

	public @Nullable ClientKey keyWithHash(String keyHash) {
		return keysByHash.get(keyHash);
	}

	public @Nullable ClientKey key(UUID id) {
		return keysById.get(id);
	}

	public @Nullable TeamPolicy team(@Nullable UUID id) {
		return (id == null) ? null : teams.get(id);
	}

	public Collection<ClientKey> keys() {
		return keysById.values();
	}

	public Collection<TeamPolicy> teams() {
		return teams.values();
	}

	/** Adds or replaces a key; a rotated key stops matching its old hash at once. */
	public void put(ClientKey key) {
		ClientKey previous = keysById.put(key.id(), key);
		keysByHash.put(key.keyHash(), key);
		if (previous != null && !previous.keyHash().equals(key.keyHash())) {
			keysByHash.remove(previous.keyHash(), previous);
		}
	}

	public void removeKey(UUID id) {
		ClientKey previous = keysById.remove(id);
		if (previous != null) {
			keysByHash.remove(previous.keyHash(), previous);
		}
	}

	public void put(TeamPolicy team) {
		teams.put(team.id(), team);
	}

	public void removeTeam(UUID id) {
		teams.remove(id);
	}

	/** Replaces everything with a fresh load from the database. */
	public synchronized void replaceAll(Collection<ClientKey> freshKeys, Collection<TeamPolicy> freshTeams) {
		for (TeamPolicy team : freshTeams) {
			put(team);
		}
		teams.keySet().retainAll(freshTeams.stream().map(TeamPolicy::id).collect(Collectors.toSet()));
		for (ClientKey key : freshKeys) {
			put(key);
		}
		keysById.keySet().retainAll(freshKeys.stream().map(ClientKey::id).collect(Collectors.toSet()));
		keysByHash.keySet().retainAll(freshKeys.stream().map(ClientKey::keyHash).collect(Collectors.toSet()));
	}

}
