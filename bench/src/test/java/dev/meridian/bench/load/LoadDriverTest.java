package dev.meridian.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meridian.bench.Args;
import dev.meridian.bench.mock.MockServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

    private static final String CHAT = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String CHAT_STREAM =
            "{\"model\":\"bench-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static MockServer mock;

    @BeforeAll
    static void start() throws InterruptedException {
        mock = MockServer.start(0, 1, Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static PhaseResult run(String... flags) throws InterruptedException {
        Args args = Args.parse(flags, Set.of("stream", "peak"),
                Set.of("url", "body", "concurrency", "requests", "duration", "threads", "timeout"));
        LoadPlan plan = LoadPlan.from(args);
        try (LoadDriver driver = new LoadDriver(plan)) {
            return driver.run(plan.measured());
        }
    }

    private static String url(int port, String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void countedRunSendsExactlyThatManyRequests() throws InterruptedException {
        PhaseResult result = run("--url", url(mock.port(), "/v1/chat/completions"), "--body", CHAT,
                "--concurrency", "4", "--threads", "1", "--requests", "300");

        assertEquals(300, result.successes());
        assertEquals(0, result.errorCount());
        assertEquals(300, result.latency().getTotalCount());
        assertTrue(result.throughput() > 0);
    }

    @Test
    void streamRunMeasuresTimeToFirstContentAndGaps() throws InterruptedException {
        PhaseResult result = run("--url", url(mock.port(), "/v1/chat/completions"), "--body", CHAT_STREAM,
                "--stream", "--concurrency", "2", "--threads", "1", "--requests", "50");

        assertEquals(50, result.successes());
        assertEquals(50, result.timeToFirstContent().getTotalCount());
        assertTrue(result.timeToFirstContent().getValueAtPercentile(50) <= result.latency().getValueAtPercentile(50));
        assertTrue(result.gapMeanNanos() >= 0);
    }

    @Test
    void gapFollowsTheUpstreamChunkDelay() throws InterruptedException {
        MockServer slow = MockServer.start(0, 1, Duration.ofMillis(3));
        try {
            PhaseResult result = run("--url", url(slow.port(), "/v1/chat/completions"), "--body", CHAT_STREAM,
                    "--stream", "--concurrency", "2", "--threads", "1", "--requests", "4");

            assertEquals(4, result.successes());
            assertTrue(result.gapMeanNanos() >= 2_500_000, "gap " + result.gapMeanNanos() + " ns");
        } finally {
            slow.close();
        }
    }

    @Test
    void aNonSuccessStatusIsCountedAsAnErrorWithItsBody() throws InterruptedException {
        PhaseResult result = run("--url", url(mock.port(), "/v1/nothing"), "--body", CHAT,
                "--concurrency", "2", "--threads", "1", "--requests", "20");

        assertEquals(0, result.successes());
        assertEquals(Map.of("HTTP 404", 20L), result.errors());
        assertTrue(result.errorSamples().get("HTTP 404").contains("no such path"));
    }

    @Test
    void aRefusedConnectionIsCountedAndTheRunStillEnds() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PhaseResult result = run("--url", url(closedPort, "/v1/chat/completions"), "--body", CHAT,
                "--concurrency", "2", "--threads", "1", "--duration", "0.3");

        assertEquals(0, result.successes());
        assertTrue(result.errorCount() > 0);
        assertTrue(List.copyOf(result.errors().keySet()).getFirst().startsWith("connect failed"));
    }
}
