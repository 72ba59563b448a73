package dev.meridian.bench.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Prints a load run for people ({@code text}) or for scripts ({@code key=value} lines). */
final class Report {

    /** Shown instead of a latency when no request succeeded. */
    private static final String NONE = "-";

    private final LoadPlan plan;
    private final PhaseResult warmup;
    private final PhaseResult measured;

    Report(LoadPlan plan, PhaseResult warmup, PhaseResult measured) {
        this.plan = plan;
        this.warmup = warmup;
        this.measured = measured;
    }

    void printText(PrintStream out) {
        out.printf("target        POST %s%s%n", plan.url(),
                plan.stream() ? " (stream, " + plan.streamDialect().name().toLowerCase(Locale.ROOT) + ")" : "");
        out.printf(Locale.ROOT, "load          concurrency %d on %d threads, %.1f s warm-up, then %s%n",
                plan.concurrency(), plan.threads(), plan.warmup().toNanos() / 1e9, plan.measured().describe());
        out.printf("requests      %d ok, %d errors (warm-up: %d ok, %d errors)%n",
                measured.successes(), measured.errorCount(), warmup.successes(), warmup.errorCount());
        out.printf(Locale.ROOT, "throughput    %.1f req/s%n", measured.throughput());
        out.printf("latency ms    p50 %s  p90 %s  p99 %s  max %s%n",
                percentile(measured.latency(), 50), percentile(measured.latency(), 90),
                percentile(measured.latency(), 99), percentile(measured.latency(), 100));
        if (plan.stream()) {
            out.printf("TTFT ms       p50 %s  p90 %s  p99 %s%n",
                    percentile(measured.timeToFirstContent(), 50), percentile(measured.timeToFirstContent(), 90),
                    percentile(measured.timeToFirstContent(), 99));
            out.printf("chunk gap ms  mean %s%n", millis(measured.gapMeanNanos()));
        }
        printErrors(out, "errors", measured);
        printErrors(out, "warm-up errors", warmup);
    }

    void printKeyValues(PrintStream out) {
        out.println("requests=" + measured.successes());
        out.println("errors=" + measured.errorCount());
        out.println("error_detail=" + errorSummary(measured));
        out.println("warmup_errors=" + warmup.errorCount());
        out.println("warmup_error_detail=" + errorSummary(warmup));
        out.printf(Locale.ROOT, "elapsed_s=%.3f%n", measured.elapsedNanos() / 1e9);
        out.printf(Locale.ROOT, "throughput=%.1f%n", measured.throughput());
        out.println("p50_ms=" + percentile(measured.latency(), 50));
        out.println("p99_ms=" + percentile(measured.latency(), 99));
        out.println("max_ms=" + percentile(measured.latency(), 100));
        out.println("ttft_p50_ms=" + percentile(measured.timeToFirstContent(), 50));
        out.println("ttft_p99_ms=" + percentile(measured.timeToFirstContent(), 99));
        out.println("gap_mean_ms=" + millis(measured.gapMeanNanos()));
    }

    private static void printErrors(PrintStream out, String title, PhaseResult result) {
        for (Map.Entry<String, Long> error : result.errors().entrySet()) {
            String sample = result.errorSamples().get(error.getKey());
            out.printf("%-13s %d x %s%s%n", title, error.getValue(), error.getKey(),
                    sample == null ? "" : " -- " + oneLine(sample));
        }
    }

    /** One line, e.g. {@code 12 x HTTP 502 {"error":...}; 1 x connect failed: ...}, or empty. */
    private static String errorSummary(PhaseResult result) {
        StringBuilder summary = new StringBuilder();
        for (Map.Entry<String, Long> error : result.errors().entrySet()) {
            if (!summary.isEmpty()) {
                summary.append("; ");
            }
            summary.append(error.getValue()).append(" x ").append(error.getKey());
            String sample = result.errorSamples().get(error.getKey());
            if (sample != null) {
                summary.append(' ').append(oneLine(sample));
            }
        }
        return summary.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? NONE : millis(histogram.getValueAtPercentile(percentile));
    }

    private static String millis(double nanos) {
        return Double.isNaN(nanos) ? NONE : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
