package dev.meridian.bench.load;

import java.util.Map;
import org.HdrHistogram.Histogram;

/** The outcome of one phase. Latencies are in nanoseconds; {@code gapMeanNanos} is NaN without streams. */
record PhaseResult(
        long successes,
        Map<String, Long> errors,
        Map<String, String> errorSamples,
        Histogram latency,
        Histogram timeToFirstContent,
        double gapMeanNanos,
        long elapsedNanos) {

    static PhaseResult empty() {
        return new PhaseResult(0, Map.of(), Map.of(), new Histogram(3), new Histogram(3), Double.NaN, 0);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successful requests per second, from the phase's start to its last successful answer. */
    double throughput() {
        return elapsedNanos == 0 ? 0 : successes / (elapsedNanos / 1e9);
    }
}
