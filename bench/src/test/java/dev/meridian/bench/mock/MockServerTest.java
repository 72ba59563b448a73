package dev.meridian.bench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.meridian.bench.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MockServerTest {

    private static final String CHAT = "{\"model\":\"bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static MockServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws InterruptedException {
        server = MockServer.start(0, 1, Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Each event as {name (or null), parsed data (or null for [DONE])}. */
    private static List<Object[]> events(String body) {
        List<Object[]> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            events.add(new Object[] {name, data.equals("[DONE]") ? null : Json.MAPPER.readTree(data)});
        }
        return events;
    }

    @Test
    void chatCompletionHasOpenAiShapeAndEchoesTheModel() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", CHAT + "}");

        assertEquals(200, response.statusCode());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals("chat.completion", body.get("object").stringValue());
        assertEquals("bench-model", body.get("model").stringValue());
        JsonNode choice = body.get("choices").get(0);
        assertEquals("assistant", choice.at("/message/role").stringValue());
        assertEquals(CannedReply.TEXT, choice.at("/message/content").stringValue());
        assertTrue(choice.at("/message/refusal").isNull());
        assertTrue(choice.get("logprobs").isNull());
        assertEquals("stop", choice.get("finish_reason").stringValue());
        assertEquals(CannedReply.INPUT_TOKENS + CannedReply.OUTPUT_TOKENS, body.at("/usage/total_tokens").asInt());
        assertEquals(0, body.at("/usage/prompt_tokens_details/cached_tokens").asInt(-1));
        assertEquals(0, body.at("/usage/completion_tokens_details/reasoning_tokens").asInt(-1));
    }

    @Test
    void chatStreamWithoutUsageOptionHasNoUsageAtAll() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", CHAT + ",\"stream\":true}");

        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<Object[]> events = events(response.body());
        assertEquals(CannedReply.PIECES.size() + 3, events.size());
        JsonNode first = (JsonNode) events.getFirst()[1];
        assertEquals("assistant", first.at("/choices/0/delta/role").stringValue());
        assertEquals("", first.at("/choices/0/delta/content").stringValue());
        JsonNode finish = (JsonNode) events.get(events.size() - 2)[1];
        assertEquals("stop", finish.at("/choices/0/finish_reason").stringValue());
        assertTrue(finish.at("/choices/0/delta").isEmpty());
        for (Object[] event : events.subList(0, events.size() - 1)) {
            assertFalse(((JsonNode) event[1]).has("usage"));
        }
        assertEquals(null, events.getLast()[1]);
    }

    @Test
    void chatStreamWithUsageOptionEndsWithAUsageOnlyChunk() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions",
                CHAT + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        List<Object[]> events = events(response.body());
        assertEquals(CannedReply.PIECES.size() + 4, events.size());
        for (Object[] event : events.subList(0, events.size() - 2)) {
            assertTrue(((JsonNode) event[1]).get("usage").isNull());
        }
        JsonNode usageChunk = (JsonNode) events.get(events.size() - 2)[1];
        assertTrue(usageChunk.get("choices").isEmpty());
        assertEquals(CannedReply.OUTPUT_TOKENS, usageChunk.at("/usage/completion_tokens").asInt());
        assertEquals(null, events.getLast()[1]);
    }

    @Test
    void responsesStreamFollowsTheSemanticEventOrder() throws Exception {
        HttpResponse<String> response = post("/v1/responses", "{\"model\":\"m\",\"input\":\"hi\",\"stream\":true}");

        List<Object[]> events = events(response.body());
        List<String> names = events.stream().map(e -> (String) e[0]).toList();
        List<String> expected = new ArrayList<>(List.of("response.created", "response.in_progress",
                "response.output_item.added", "response.content_part.added"));
        CannedReply.PIECES.forEach(piece -> expected.add("response.output_text.delta"));
        expected.addAll(List.of("response.output_text.done", "response.content_part.done",
                "response.output_item.done", "response.completed"));
        assertEquals(expected, names);
        for (int i = 0; i < events.size(); i++) {
            JsonNode data = (JsonNode) events.get(i)[1];
            assertEquals(names.get(i), data.get("type").stringValue());
            assertEquals(i, data.get("sequence_number").asInt());
        }
        JsonNode completed = ((JsonNode) events.getLast()[1]).get("response");
        assertEquals("completed", completed.get("status").stringValue());
        assertEquals(CannedReply.OUTPUT_TOKENS, completed.at("/usage/output_tokens").asInt());
        assertEquals(0, completed.at("/usage/input_tokens_details/cached_tokens").asInt(-1));
        assertEquals(0, completed.at("/usage/output_tokens_details/reasoning_tokens").asInt(-1));
    }

    @Test
    void responsesObjectCarriesTheOutputText() throws Exception {
        JsonNode body = Json.MAPPER.readTree(post("/v1/responses", "{\"model\":\"m\",\"input\":\"hi\"}").body());

        assertEquals("response", body.get("object").stringValue());
        assertEquals("output_text", body.at("/output/0/content/0/type").stringValue());
        assertEquals(CannedReply.TEXT, body.at("/output/0/content/0/text").stringValue());
        assertEquals(CannedReply.INPUT_TOKENS + CannedReply.OUTPUT_TOKENS, body.at("/usage/total_tokens").asInt());
    }

    @Test
    void messagesAnswerAndStreamFollowAnthropicsFormat() throws Exception {
        String request = "{\"model\":\"m\",\"max_tokens\":256,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        JsonNode message = Json.MAPPER.readTree(post("/v1/messages", request + "}").body());
        assertEquals("message", message.get("type").stringValue());
        assertEquals("end_turn", message.get("stop_reason").stringValue());
        assertTrue(message.get("stop_sequence").isNull());
        assertEquals(CannedReply.TEXT, message.at("/content/0/text").stringValue());
        assertEquals(0, message.at("/usage/cache_read_input_tokens").asInt(-1));

        List<Object[]> events = events(post("/v1/messages", request + ",\"stream\":true}").body());
        List<String> names = events.stream().map(e -> (String) e[0]).toList();
        assertEquals(List.of("message_start", "content_block_start", "ping"), names.subList(0, 3));
        assertEquals(List.of("content_block_stop", "message_delta", "message_stop"),
                names.subList(names.size() - 3, names.size()));
        assertEquals(CannedReply.PIECES.size(), names.stream().filter("content_block_delta"::equals).count());
        JsonNode messageDelta = (JsonNode) events.get(events.size() - 2)[1];
        assertEquals(CannedReply.OUTPUT_TOKENS, messageDelta.at("/usage/output_tokens").asInt());
    }

    @Test
    void unknownPathsAndBrokenBodiesGetOpenAiErrors() throws Exception {
        HttpResponse<String> notFound = post("/v1/nothing", "{}");
        HttpResponse<String> broken = post("/v1/chat/completions", "{not json");

        assertEquals(404, notFound.statusCode());
        assertEquals(400, broken.statusCode());
        assertTrue(Json.MAPPER.readTree(broken.body()).at("/error/message").isString());
    }

    @Test
    void chunkDelaySpacesTheStreamOut() throws Exception {
        MockServer slow = MockServer.start(0, 1, Duration.ofMillis(2));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.port() + "/v1/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT + ",\"stream\":true}"))
                    .build();
            long start = System.nanoTime();
            CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertTrue(millis >= 2L * (CannedReply.PIECES.size() + 2), "stream took only " + millis + " ms");
        } finally {
            slow.close();
        }
    }
}
