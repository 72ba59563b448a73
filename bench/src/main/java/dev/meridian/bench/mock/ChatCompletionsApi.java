package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI {@code POST /v1/chat/completions}: {@code chat.completion} and {@code chat.completion.chunk}. */
final class ChatCompletionsApi implements UpstreamApi {

    private static final String ID_PREFIX = "chatcmpl-";
    private static final String FINGERPRINT = "fp_bench0001";

    private final JsonTemplate completion = JsonTemplate.compile(Json.MAPPER.writeValueAsBytes(completion()));
    private final List<JsonTemplate> chunks = JsonTemplate.compileAll(chunks(false));
    private final List<JsonTemplate> chunksWithUsage = JsonTemplate.compileAll(chunks(true));

    @Override
    public byte[] completeResponse(MockRequest request) {
        return completion.render(TemplateValues.of(request, ID_PREFIX));
    }

    @Override
    public List<byte[]> streamEvents(MockRequest request) {
        return JsonTemplate.renderAll(request.includeUsage() ? chunksWithUsage : chunks,
                TemplateValues.of(request, ID_PREFIX));
    }

    private static ObjectNode completion() {
        ObjectNode root = header("chat.completion");
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
        return root;
    }

    /** Role chunk, one chunk per piece, the finish chunk, the usage chunk if asked for, then [DONE]. */
    private static List<byte[]> chunks(boolean includeUsage) {
        List<byte[]> events = new ArrayList<>();
        events.add(Sse.data(chunk(delta().put("role", "assistant").put("content", ""), null, includeUsage)));
        for (String piece : CannedReply.PIECES) {
            events.add(Sse.data(chunk(delta().put("content", piece), null, includeUsage)));
        }
        events.add(Sse.data(chunk(delta(), "stop", includeUsage)));
        if (includeUsage) {
            ObjectNode usageChunk = header("chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage());
            events.add(Sse.data(usageChunk));
        }
        events.add(Sse.DONE);
        return events;
    }

    /** A chunk with one choice; with include_usage every such chunk also says usage: null. */
    private static ObjectNode chunk(ObjectNode delta, String finishReason, boolean includeUsage) {
        ObjectNode chunk = header("chat.completion.chunk");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode delta() {
        return Json.MAPPER.createObjectNode();
    }

    private static ObjectNode header(String object) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", Placeholder.ID.token());
        node.put("object", object);
        node.put("created", Placeholder.CREATED.token());
        node.put("model", Placeholder.MODEL.token());
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
