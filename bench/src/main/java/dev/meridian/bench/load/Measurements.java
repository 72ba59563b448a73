package dev.meridian.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** What the clients of one phase observed; safe to record into from every event-loop thread. */
final class Measurements {

    /** Latencies are kept in nanoseconds with three significant digits, up to ten minutes. */
    private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final int DIGITS = 3;

    private final Recorder latency = new Recorder(HIGHEST_NANOS, DIGITS);
    private final Recorder timeToFirstContent = new Recorder(HIGHEST_NANOS, DIGITS);
    private final LongAdder successes = new LongAdder();
    /** When the last answer completed: a request that hangs past the phase must not dilute throughput. */
    private final LongAccumulator lastSuccessNanos = new LongAccumulator(Long::max, Long.MIN_VALUE);
    private final LongAdder gapSumNanos = new LongAdder();
    private final LongAdder gapCount = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorSamples = new ConcurrentHashMap<>();

    void recordResponse(long latencyNanos) {
        latency.recordValue(Math.min(latencyNanos, HIGHEST_NANOS));
        successes.increment();
        lastSuccessNanos.accumulate(System.nanoTime());
    }

    void recordStream(long latencyNanos, long firstContentNanos, long gapsNanos, long gaps) {
        timeToFirstContent.recordValue(Math.min(firstContentNanos, HIGHEST_NANOS));
        gapSumNanos.add(gapsNanos);
        gapCount.add(gaps);
        recordResponse(latencyNanos);
    }

    /** @param sample what the failure looked like (e.g. the error body); the first one per reason is kept */
    void recordError(String reason, String sample) {
        errors.computeIfAbsent(reason, k -> new LongAdder()).increment();
        if (sample != null && !sample.isEmpty()) {
            errorSamples.putIfAbsent(reason, sample);
        }
    }

    /** @param startNanos when the phase began; it lasted until its last successful answer */
    PhaseResult snapshot(long startNanos) {
        long last = lastSuccessNanos.get();
        long elapsedNanos = (last == Long.MIN_VALUE ? System.nanoTime() : last) - startNanos;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((reason, count) -> errorCounts.put(reason, count.sum()));
        long gaps = gapCount.sum();
        return new PhaseResult(
                successes.sum(),
                errorCounts,
                new TreeMap<>(errorSamples),
                latency.getIntervalHistogram(),
                timeToFirstContent.getIntervalHistogram(),
                gaps == 0 ? Double.NaN : (double) gapSumNanos.sum() / gaps,
                elapsedNanos);
    }
}
