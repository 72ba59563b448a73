package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import dev.meridian.gateway.testsupport.OpenAiMockServer.StreamWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What OpenAI's Responses API ({@code POST /v1/responses}) answers, on the wire: the
 * {@code response} object, and the typed events of its stream, each named by an {@code event:}
 * line and numbered by {@code sequence_number}.
 */
public final class ResponsesAnswers {

	public static final String RESPONSE_ID = "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b";

	public static final String ITEM_ID = "msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b";

	public static final int INPUT_TOKENS = 36;

	public static final int OUTPUT_TOKENS = 87;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ResponsesAnswers() {
	}

	/** The finished response, with the mock's reply as its one message. */
	public static ObjectNode completed(String model) {
		ObjectNode response = response(model, "completed");
		response.withArrayProperty("output").add(message("completed", OpenAiMockServer.REPLY));
		response.set("usage", usage());
		return response;
	}

	/** The whole event stream of the mock's reply, flushed event by event. */
	public static void stream(HttpExchange exchange, String model) throws IOException {
		Events events = new Events();
		opening(events, model);
		for (String piece : OpenAiMockServer.REPLY_PIECES) {
			textDelta(events, piece);
		}
		events.add("response.output_text.done").put("item_id", ITEM_ID).put("output_index", 0).put("content_index", 0)
			.put("text", OpenAiMockServer.REPLY)
			.putArray("logprobs");
		events.add("response.content_part.done").put("item_id", ITEM_ID).put("output_index", 0).put("content_index", 0)
			.set("part", outputText(OpenAiMockServer.REPLY));
		events.add("response.output_item.done").put("output_index", 0)
			.set("item", message("completed", OpenAiMockServer.REPLY));
		events.add("response.completed").set("response", completed(model));
		try (StreamWriter writer = StreamWriter.open(exchange)) {
			for (String frame : events.frames()) {
				writer.raw(frame);
			}
		}
	}

	/** The start of a stream up to a first text delta, as the wire carries it. */
	public static String streamOpening(String model, String text) {
		Events events = new Events();
		opening(events, model);
		textDelta(events, text);
		return String.join("", events.frames());
	}

	private static void opening(Events events, String model) {
		events.add("response.created").set("response", response(model, "in_progress"));
		events.add("response.in_progress").set("response", response(model, "in_progress"));
		ObjectNode item = message("in_progress", null);
		events.add("response.output_item.added").put("output_index", 0).set("item", item);
		events.add("response.content_part.added").put("item_id", ITEM_ID).put("output_index", 0).put("content_index", 0)
			.set("part", outputText(""));
	}

	private static void textDelta(Events events, String text) {
		events.add("response.output_text.delta").put("item_id", ITEM_ID).put("output_index", 0).put("content_index", 0)
			.put("delta", text)
			.putArray("logprobs");
	}

	private static ObjectNode response(String model, String status) {
		ObjectNode response = JSON.createObjectNode()
			.put("id", RESPONSE_ID)
			.put("object", "response")
			.put("created_at", 1741476542)
			.put("status", status)
			.put("background", false)
			.putNull("error")
			.putNull("incomplete_details")
			.putNull("instructions")
			.putNull("max_output_tokens")
			.put("model", model);
		response.putArray("output");
		response.put("parallel_tool_calls", true).putNull("previous_response_id");
		response.putObject("reasoning").putNull("effort").putNull("summary");
		response.put("service_tier", "default").put("store", true).put("temperature", 1.0);
		response.putObject("text").putObject("format").put("type", "text");
		response.put("tool_choice", "auto");
		response.putArray("tools");
		response.put("top_p", 1.0).put("truncation", "disabled").putNull("usage").putNull("user");
		response.putObject("metadata");
		return response;
	}

	/** An assistant message item; no text means no content part yet. */
	private static ObjectNode message(String status, @Nullable String text) {
		ObjectNode item = JSON.createObjectNode()
			.put("id", ITEM_ID)
			.put("type", "message")
			.put("status", status)
			.put("role", "assistant");
		ArrayNode content = item.putArray("content");
		if (text != null) {
			content.add(outputText(text));
		}
		return item;
	}

	private static ObjectNode outputText(String text) {
		ObjectNode part = JSON.createObjectNode().put("type", "output_text");
		part.putArray("annotations");
		part.putArray("logprobs");
		return part.put("text", text);
	}

	private static ObjectNode usage() {
		ObjectNode usage = JSON.createObjectNode().put("input_tokens", INPUT_TOKENS);
		usage.putObject("input_tokens_details").put("cached_tokens", 0);
		usage.put("output_tokens", OUTPUT_TOKENS);
		usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
		return usage.put("total_tokens", INPUT_TOKENS + OUTPUT_TOKENS);
	}

	/** Typed events with increasing sequence numbers. */
	private static final class Events {

		private final List<ObjectNode> events = new ArrayList<>();

		ObjectNode add(String type) {
			ObjectNode event = JSON.createObjectNode().put("type", type).put("sequence_number", events.size());
			events.add(event);
			return event;
		}

		List<String> frames() {
			return events.stream().map(event -> "event: " + event.path("type").asString() + "\ndata: " + event + "\n\n")
				.toList();
		}

	}

}
