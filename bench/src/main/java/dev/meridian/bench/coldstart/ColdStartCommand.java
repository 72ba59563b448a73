package dev.meridian.bench.coldstart;

import dev.meridian.bench.Args;
import dev.meridian.bench.UsageException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code coldstart}: launches a server command and times it from launch to its first 200 answer to
 * a real request. The server keeps running afterwards; its pid is written for whoever stops it.
 */
public final class ColdStartCommand {

    private static final String HELP = """
            coldstart --url URL --body JSON --pid-file FILE --log-file FILE [flags] -- COMMAND...
              --header 'Name: value'  request header (repeatable)
              --warm-url URL          a server already up that answers the same request; the probe
                                      calls it first so its own class loading does not compete
                                      with the launched server's start
              --interval-ms N         time between probes (default 10)
              --timeout S             give up after S seconds (default 60)
            Prints cold_start_ms=... on success; exits 1 if the command died or never answered 200.""";

    private ColdStartCommand() {
    }

    public static int run(String[] argv) throws IOException, InterruptedException {
        Args args = Args.parse(argv, Set.of("help"), Set.of(
                "url", "header", "body", "pid-file", "log-file", "warm-url", "interval-ms", "timeout"));
        if (args.flag("help")) {
            System.out.println(HELP);
            return 0;
        }
        List<String> command = args.trailing();
        if (command.isEmpty()) {
            throw new UsageException("give the command to launch after --");
        }
        Probe probe = new Probe(args.required("body"), args.all("header"));
        if (args.has("warm-url")) {
            probe.warmUp(URI.create(args.required("warm-url")));
        }
        URI target = URI.create(args.required("url"));
        Duration interval = Duration.ofMillis(args.longValue("interval-ms", 10));
        Duration timeout = Duration.ofSeconds(args.longValue("timeout", 60));

        long launchedAt = System.nanoTime();
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of(args.required("log-file")).toFile())
                .start();
        Files.writeString(Path.of(args.required("pid-file")), server.pid() + "\n");

        String lastOutcome = "no probe yet";
        long giveUpAt = launchedAt + timeout.toNanos();
        while (System.nanoTime() - giveUpAt < 0) {
            if (!server.isAlive()) {
                System.out.println("error=the command exited with code " + server.exitValue()
                        + " before answering 200 (last probe: " + lastOutcome + ")");
                return 1;
            }
            long probeAt = System.nanoTime();
            lastOutcome = probe.call(target);
            if (lastOutcome.equals(Probe.OK)) {
                System.out.printf(Locale.ROOT, "cold_start_ms=%.0f%n", (System.nanoTime() - launchedAt) / 1e6);
                return 0;
            }
            long sleepNanos = interval.toNanos() - (System.nanoTime() - probeAt);
            if (sleepNanos > 0) {
                Thread.sleep(Duration.ofNanos(sleepNanos));
            }
        }
        System.out.println("error=no 200 within " + timeout.toSeconds() + " s (last probe: " + lastOutcome + ")");
        return 1;
    }
}
