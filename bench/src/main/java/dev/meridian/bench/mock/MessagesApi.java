package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic {@code POST /v1/messages}: the {@code message} object and its event stream. */
final class MessagesApi implements UpstreamApi {

    private static final String ID_PREFIX = "msg_";

    private final JsonTemplate message = JsonTemplate.compile(Json.MAPPER.writeValueAsBytes(completeMessage()));
    private final List<JsonTemplate> events = JsonTemplate.compileAll(events());

    @Override
    public byte[] completeResponse(MockRequest request) {
        return message.render(TemplateValues.of(request, ID_PREFIX));
    }

    @Override
    public List<byte[]> streamEvents(MockRequest request) {
        return JsonTemplate.renderAll(events, TemplateValues.of(request, ID_PREFIX));
    }

    private static ObjectNode completeMessage() {
        ObjectNode message = message("end_turn", CannedReply.OUTPUT_TOKENS);
        message.withArray("content").addObject().put("type", "text").put("text", CannedReply.TEXT);
        return message;
    }

    private static List<byte[]> events() {
        List<ObjectNode> events = new ArrayList<>();
        // Like the real API: message_start reports one output token and no stop reason yet.
        events.add(event("message_start").set("message", message(null, 1)));
        ObjectNode start = event("content_block_start").put("index", 0);
        start.putObject("content_block").put("type", "text").put("text", "");
        events.add(start);
        events.add(event("ping"));
        for (String piece : CannedReply.PIECES) {
            ObjectNode delta = event("content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            events.add(delta);
        }
        events.add(event("content_block_stop").put("index", 0));
        ObjectNode messageDelta = event("message_delta");
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", CannedReply.OUTPUT_TOKENS);
        events.add(messageDelta);
        events.add(event("message_stop"));
        return events.stream().map(Sse::typedEvent).toList();
    }

    private static ObjectNode message(String stopReason, int outputTokens) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("id", Placeholder.ID.token());
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", Placeholder.MODEL.token());
        message.putArray("content");
        message.put("stop_reason", stopReason);
        message.putNull("stop_sequence");
        message.putObject("usage")
                .put("input_tokens", CannedReply.INPUT_TOKENS)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0)
                .put("output_tokens", outputTokens);
        return message;
    }

    private static ObjectNode event(String type) {
        return Json.MAPPER.createObjectNode().put("type", type);
    }
}
