package dev.meridian.bench.load;

import dev.meridian.bench.Args;
import java.util.Set;

/** {@code load}: drives one workload with a closed loop of clients and prints what it measured. */
public final class LoadCommand {

    private static final String HELP = """
            load --url URL (--body JSON | --body-file FILE) [flags]
              --header 'Name: value'  request header (repeatable)
              --stream                the answer is an SSE stream: also measure time to first
                                      content chunk and the gap between content chunks
              --concurrency N         clients, each with one keep-alive connection (default 10)
              --peak                  peak-throughput run: non-streaming, concurrency 64 unless given
              --warmup S              seconds of unmeasured load first (default 5)
              --duration S            seconds of measured load (default 15)
              --requests N            measure exactly N requests instead of a duration
              --timeout S             a request with no bytes for S seconds is an error (default 30)
              --threads N             client event-loop threads (default: number of cores)
              --report text|kv        human-readable, or key=value lines for scripts (default text)""";

    private LoadCommand() {
    }

    public static void run(String[] argv) throws InterruptedException {
        Args args = Args.parse(argv, Set.of("help", "stream", "peak"), Set.of(
                "url", "header", "body", "body-file", "concurrency", "warmup", "duration", "requests",
                "timeout", "threads", "report"));
        if (args.flag("help")) {
            System.out.println(HELP);
            return;
        }
        LoadPlan plan = LoadPlan.from(args);
        try (LoadDriver driver = new LoadDriver(plan)) {
            PhaseResult warmup = plan.warmup().isZero()
                    ? PhaseResult.empty()
                    : driver.run(PhaseLimit.timed(plan.warmup()));
            PhaseResult measured = driver.run(plan.measured());
            Report report = new Report(plan, warmup, measured);
            if (args.get("report", "text").equals("kv")) {
                report.printKeyValues(System.out);
            } else {
                report.printText(System.out);
            }
        }
    }
}
