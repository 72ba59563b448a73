package dev.meridian.bench.mock;

import dev.meridian.bench.Args;
import java.time.Duration;
import java.util.Set;

/**
 * {@code mock}: serves the three upstream APIs on loopback until the process is stopped. Stopping
 * needs no cleanup (the OS closes the sockets), so a plain SIGTERM ends it.
 */
public final class MockCommand {

    private static final String HELP = """
            mock [--port 0] [--threads N] [--chunk-delay-ms 0]
              --port            port on 127.0.0.1 (0 = any free port; the chosen one is printed)
              --threads         event-loop threads (default: number of cores)
              --chunk-delay-ms  pause between streamed chunks (default 0: no artificial delay)""";

    private MockCommand() {
    }

    public static void run(String[] argv) throws InterruptedException {
        Args args = Args.parse(argv, Set.of("help"), Set.of("port", "threads", "chunk-delay-ms"));
        if (args.flag("help")) {
            System.out.println(HELP);
            return;
        }
        MockServer server = MockServer.start(
                args.intValue("port", 0),
                args.intValue("threads", Runtime.getRuntime().availableProcessors()),
                Duration.ofMillis(args.longValue("chunk-delay-ms", 0)));
        System.out.println("mock upstream listening on http://127.0.0.1:" + server.port()
                + " (" + server.transportName() + ")");
        server.awaitClose();
    }
}
