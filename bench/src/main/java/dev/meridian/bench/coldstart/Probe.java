package dev.meridian.bench.coldstart;

import dev.meridian.bench.UsageException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Sends the cold-start request and says how it went in a few words. */
final class Probe {

    static final String OK = "200";

    private static final int WARM_UP_CALLS = 50;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CALL_TIMEOUT)
            .build();
    private final String body;
    private final List<String> headers;

    Probe(String body, List<String> headers) {
        this.body = body;
        this.headers = headers;
    }

    void warmUp(URI url) throws InterruptedException {
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            String outcome = call(url);
            if (!outcome.equals(OK)) {
                throw new UsageException("--warm-url did not answer 200: " + outcome);
            }
        }
    }

    /** {@link #OK}, another status code, or the connection error. */
    String call(URI url) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--header must look like 'Name: value': " + header);
            }
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return Integer.toString(response.statusCode());
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }
}
