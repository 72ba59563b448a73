package dev.meridian.bench;

import dev.meridian.bench.coldstart.ColdStartCommand;
import dev.meridian.bench.load.LoadCommand;
import dev.meridian.bench.mock.MockCommand;
import java.util.Arrays;

/** Entry point of the benchmark jar: one sub-command per tool. */
public final class Main {

    private static final String USAGE = """
            usage: java -jar meridian-bench.jar <command> [flags]
              mock       instant mock upstream (OpenAI chat, Responses, Anthropic Messages)
              load       load driver: latency percentiles, time to first token, throughput
              coldstart  launch a command and time it until its first 200 answer
            Run a command with --help for its flags.""";

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || argv[0].equals("--help")) {
            System.out.println(USAGE);
            return;
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        try {
            switch (argv[0]) {
                case "mock" -> MockCommand.run(rest);
                case "load" -> LoadCommand.run(rest);
                case "coldstart" -> System.exit(ColdStartCommand.run(rest));
                default -> throw new UsageException("unknown command: " + argv[0]);
            }
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }
}
