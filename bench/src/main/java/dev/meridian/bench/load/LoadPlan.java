package dev.meridian.bench.load;

import dev.meridian.bench.Args;
import dev.meridian.bench.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Everything a load run needs, validated from the command line. */
record LoadPlan(
        URI url,
        List<Header> headers,
        byte[] body,
        StreamDialect streamDialect,
        int concurrency,
        int threads,
        Duration warmup,
        PhaseLimit measured,
        Duration requestTimeout) {

    static final int DEFAULT_CONCURRENCY = 10;
    static final int PEAK_CONCURRENCY = 64;

    record Header(String name, String value) {
    }

    static LoadPlan from(Args args) {
        URI url = URI.create(args.required("url"));
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new UsageException("--url must be an http:// URL with a host: " + url);
        }
        boolean peak = args.flag("peak");
        boolean stream = args.flag("stream");
        if (peak && stream) {
            throw new UsageException("--peak measures non-streaming throughput; drop --stream");
        }
        int concurrency = args.intValue("concurrency", peak ? PEAK_CONCURRENCY : DEFAULT_CONCURRENCY);
        int threads = args.intValue("threads", Runtime.getRuntime().availableProcessors());
        if (concurrency < 1 || threads < 1) {
            throw new UsageException("--concurrency and --threads must be at least 1");
        }
        long requests = args.longValue("requests", 0);
        PhaseLimit measured = requests > 0
                ? PhaseLimit.counted(requests)
                : PhaseLimit.timed(seconds(args, "duration", 15));
        return new LoadPlan(
                url,
                headers(args.all("header")),
                body(args),
                stream ? StreamDialect.forPath(url.getPath()) : null,
                concurrency,
                threads,
                seconds(args, "warmup", 5),
                measured,
                seconds(args, "timeout", 30));
    }

    boolean stream() {
        return streamDialect != null;
    }

    private static Duration seconds(Args args, String name, double fallback) {
        double value = args.doubleValue(name, fallback);
        if (value < 0) {
            throw new UsageException("--" + name + " must not be negative");
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    private static List<Header> headers(List<String> raw) {
        List<Header> headers = new ArrayList<>();
        for (String header : raw) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--header must look like 'Name: value': " + header);
            }
            headers.add(new Header(header.substring(0, colon).trim(), header.substring(colon + 1).trim()));
        }
        return List.copyOf(headers);
    }

    private static byte[] body(Args args) {
        if (args.has("body") == args.has("body-file")) {
            throw new UsageException("give exactly one of --body and --body-file");
        }
        if (args.has("body")) {
            return args.required("body").getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(Path.of(args.required("body-file")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
