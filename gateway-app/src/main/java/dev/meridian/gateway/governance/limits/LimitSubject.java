package dev.meridian.gateway.governance.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A virtual key or a team with its per-minute limits; a null limit means none. Counters belong to the
 * scope and id, so a changed limit applies at once to what was already counted.
 *
 * @param rpm requests per minute; 0 refuses every request
 * @param tpm tokens per minute, prompt and completion together
 */
public record LimitSubject(Scope scope, UUID id, @Nullable Integer rpm, @Nullable Long tpm) {

	public static LimitSubject key(UUID id, @Nullable Integer rpm, @Nullable Long tpm) {
		return new LimitSubject(Scope.KEY, id, rpm, tpm);
	}

	public static LimitSubject team(UUID id, @Nullable Integer rpm, @Nullable Long tpm) {
		return new LimitSubject(Scope.TEAM, id, rpm, tpm);
	}

	public boolean hasLimits() {
		return rpm != null || tpm != null;
	}

	/** The subjects that have a limit, in order; the list itself when all of them do. */
	static List<LimitSubject> withLimits(List<LimitSubject> subjects) {
		int limited = 0;
		for (LimitSubject subject : subjects) {
			if (subject.hasLimits()) {
				limited++;
			}
		}
		if (limited == subjects.size()) {
			return subjects;
		}
		List<LimitSubject> result = new ArrayList<>(limited);
		for (LimitSubject subject : subjects) {
			if (subject.hasLimits()) {
				result.add(subject);
			}
		}
		return result;
	}

}
