package dev.meridian.bench.load;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a phase lasts: a duration, or a request count. A counted phase still stops after
 * {@link #COUNTED_TIME_CAP}, so no run can go on for ever.
 */
record PhaseLimit(Duration duration, long requests) {

    static final Duration COUNTED_TIME_CAP = Duration.ofMinutes(10);

    static PhaseLimit timed(Duration duration) {
        return new PhaseLimit(duration, Long.MAX_VALUE);
    }

    static PhaseLimit counted(long requests) {
        return new PhaseLimit(COUNTED_TIME_CAP, requests);
    }

    String describe() {
        return requests == Long.MAX_VALUE
                ? String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9)
                : requests + " requests";
    }
}
