package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI {@code POST /v1/chat/completions}: {@code chat.completion} and {@code chat.completion.chunk}. */
final class ChatCompletionsApi implements UpstreamApi {

    private static final String FINGERPRINT = "fp_bench0001";

    @Override
    public byte[] completeResponse(MockRequest request) {
        ObjectNode root = header(Ids.next("chatcmpl-"), "chat.completion", Ids.nowEpochSeconds(), request.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", CannedReply.TEXT);
        message.putNull("refusal");
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        root.set("usage", usage());
        return Json.MAPPER.writeValueAsBytes(root);
    }

    @Override
    public List<byte[]> streamEvents(MockRequest request) {
        String id = Ids.next("chatcmpl-");
        long created = Ids.nowEpochSeconds();
        List<byte[]> events = new ArrayList<>(CannedReply.PIECES.size() + 4);

        events.add(Sse.data(chunk(id, created, request, delta().put("role", "assistant").put("content", ""), null)));
        for (String piece : CannedReply.PIECES) {
            events.add(Sse.data(chunk(id, created, request, delta().put("content", piece), null)));
        }
        events.add(Sse.data(chunk(id, created, request, delta(), "stop")));
        if (request.includeUsage()) {
            ObjectNode usageChunk = header(id, "chat.completion.chunk", created, request.model());
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage());
            events.add(Sse.data(usageChunk));
        }
        events.add(Sse.DONE);
        return events;
    }

    /** A chunk with one choice; with include_usage every such chunk also says usage: null. */
    private static ObjectNode chunk(String id, long created, MockRequest request, ObjectNode delta,
            String finishReason) {
        ObjectNode chunk = header(id, "chat.completion.chunk", created, request.model());
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (request.includeUsage()) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode delta() {
        return Json.MAPPER.createObjectNode();
    }

    private static ObjectNode header(String id, String object, long created, String model) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("object", object);
        node.put("created", created);
        node.put("model", model);
        node.put("service_tier", "default");
        node.put("system_fingerprint", FINGERPRINT);
        return node;
    }

    private static ObjectNode usage() {
        ObjectNode usage = Json.MAPPER.createObjectNode();
        usage.put("prompt_tokens", CannedReply.INPUT_TOKENS);
        usage.put("completion_tokens", CannedReply.OUTPUT_TOKENS);
        usage.put("total_tokens", CannedReply.INPUT_TOKENS + CannedReply.OUTPUT_TOKENS);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return usage;
    }
}
