package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI {@code POST /v1/responses}: the {@code response} object and its semantic event stream. */
final class ResponsesApi implements UpstreamApi {

    private static final String ID_PREFIX = "resp_";
    private static final String ITEM_ID_PREFIX = "msg_";

    private final JsonTemplate response = JsonTemplate.compile(Json.MAPPER.writeValueAsBytes(
            response("completed", Json.MAPPER.createArrayNode().add(completedMessage()), true)));
    private final List<JsonTemplate> events = JsonTemplate.compileAll(events());

    @Override
    public byte[] completeResponse(MockRequest request) {
        return response.render(TemplateValues.withItem(request, ID_PREFIX, ITEM_ID_PREFIX));
    }

    @Override
    public List<byte[]> streamEvents(MockRequest request) {
        return JsonTemplate.renderAll(events, TemplateValues.withItem(request, ID_PREFIX, ITEM_ID_PREFIX));
    }

    private static List<byte[]> events() {
        Sequence events = new Sequence();
        ArrayNode noOutput = Json.MAPPER.createArrayNode();
        events.add("response.created").set("response", response("in_progress", noOutput, false));
        events.add("response.in_progress").set("response", response("in_progress", noOutput, false));
        events.add("response.output_item.added").put("output_index", 0).set("item", message("in_progress", null));
        contentEvent(events.add("response.content_part.added")).set("part", outputText(""));
        for (String piece : CannedReply.PIECES) {
            contentEvent(events.add("response.output_text.delta")).put("delta", piece).putArray("logprobs");
        }
        contentEvent(events.add("response.output_text.done")).put("text", CannedReply.TEXT).putArray("logprobs");
        contentEvent(events.add("response.content_part.done")).set("part", outputText(CannedReply.TEXT));
        events.add("response.output_item.done").put("output_index", 0).set("item", completedMessage());
        events.add("response.completed").set("response",
                response("completed", Json.MAPPER.createArrayNode().add(completedMessage()), true));
        return events.frames();
    }

    private static ObjectNode contentEvent(ObjectNode event) {
        return event.put("item_id", Placeholder.ITEM_ID.token()).put("output_index", 0).put("content_index", 0);
    }

    private static ObjectNode response(String status, ArrayNode output, boolean withUsage) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", Placeholder.ID.token());
        node.put("object", "response");
        node.put("created_at", Placeholder.CREATED.token());
        node.put("status", status);
        node.put("background", false);
        node.putNull("error");
        node.putNull("incomplete_details");
        node.putNull("instructions");
        node.putNull("max_output_tokens");
        node.put("model", Placeholder.MODEL.token());
        node.set("output", output);
        node.put("parallel_tool_calls", true);
        node.putNull("previous_response_id");
        node.putObject("reasoning").putNull("effort").putNull("summary");
        node.put("store", true);
        node.put("temperature", 1.0);
        node.putObject("text").putObject("format").put("type", "text");
        node.put("tool_choice", "auto");
        node.putArray("tools");
        node.put("top_p", 1.0);
        node.put("truncation", "disabled");
        if (withUsage) {
            node.set("usage", usage());
        } else {
            node.putNull("usage");
        }
        node.putNull("user");
        node.putObject("metadata");
        return node;
    }

    private static ObjectNode completedMessage() {
        return message("completed", outputText(CannedReply.TEXT));
    }

    /** An assistant message item; {@code part == null} means no content yet. */
    private static ObjectNode message(String status, ObjectNode part) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("id", Placeholder.ITEM_ID.token());
        item.put("type", "message");
        item.put("status", status);
        ArrayNode content = item.putArray("content");
        if (part != null) {
            content.add(part);
        }
        item.put("role", "assistant");
        return item;
    }

    private static ObjectNode outputText(String text) {
        ObjectNode part = Json.MAPPER.createObjectNode();
        part.put("type", "output_text");
        part.putArray("annotations");
        part.putArray("logprobs");
        part.put("text", text);
        return part;
    }

    private static ObjectNode usage() {
        ObjectNode usage = Json.MAPPER.createObjectNode();
        usage.put("input_tokens", CannedReply.INPUT_TOKENS);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", CannedReply.OUTPUT_TOKENS);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", CannedReply.INPUT_TOKENS + CannedReply.OUTPUT_TOKENS);
        return usage;
    }

    /** Builds typed events with increasing {@code sequence_number}s, framed in order at the end. */
    private static final class Sequence {

        private final List<ObjectNode> events = new ArrayList<>();

        ObjectNode add(String type) {
            ObjectNode event = Json.MAPPER.createObjectNode();
            event.put("type", type);
            event.put("sequence_number", events.size());
            events.add(event);
            return event;
        }

        List<byte[]> frames() {
            return events.stream().map(Sse::typedEvent).toList();
        }
    }
}
