package dev.meridian.db.governance;

/** What an admin sets on a team: everything but its id and timestamps. */
public record TeamSettings(String name, Limits limits, String metadataJson) {
}
