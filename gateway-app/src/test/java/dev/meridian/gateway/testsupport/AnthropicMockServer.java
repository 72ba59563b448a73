package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.meridian.gateway.testsupport.OpenAiMockServer.Behaviour;
import dev.meridian.gateway.testsupport.OpenAiMockServer.RecordedRequest;
import dev.meridian.gateway.testsupport.OpenAiMockServer.StreamWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Anthropic's Messages API ({@code POST /v1/messages}) that speaks its exact
 * wire format: {@code message} objects, and streams of named events ({@code message_start}, content
 * blocks with their deltas, {@code message_delta} with the stop reason and output tokens,
 * {@code message_stop}) with a {@code ping} among them. A request that offers tools is answered
 * with a {@code tool_use} block, whose input a stream sends in several {@code input_json_delta}
 * pieces, until the conversation carries a {@code tool_result}. Records every request; a test can
 * replace the answer for one model id, e.g. with an {@link #error}.
 */
public final class AnthropicMockServer extends LocalProviderServer<RecordedRequest, Behaviour> {

	public static final String MESSAGE_ID = "msg_01XFDUDYJgAACzvnptvVoYEL";

	public static final String REPLY = "Hello from Claude!";

	public static final List<String> REPLY_PIECES = List.of("Hello", " from", " Claude", "!");

	public static final String TOOL_PREAMBLE = "Let me check the weather.";

	public static final String TOOL_USE_ID = "toolu_01A09q90qw90lq917835lq9";

	/** The tool input, whole as in a message and in the pieces a stream sends it in. */
	public static final String TOOL_INPUT = "{\"city\": \"Paris\", \"unit\": \"celsius\"}";

	public static final List<String> TOOL_INPUT_PIECES = List.of("{\"city\": \"Par", "is\", \"unit\"", ": \"celsius\"}");

	public static final int INPUT_TOKENS = 21;

	public static final int CACHE_CREATION_INPUT_TOKENS = 8;

	public static final int CACHE_READ_INPUT_TOKENS = 100;

	public static final int OUTPUT_TOKENS = 12;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The root to configure as the provider's {@code base_url}, as Anthropic documents it: no {@code /v1}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** Anthropic's error answer: {@code {"type":"error","error":{"type","message"}}} with that status. */
	public static Behaviour error(int status, String type, String message) {
		return (exchange, request) -> sendJson(exchange, status, errorBody(type, message));
	}

	/** The body of an Anthropic error, also what an {@code error} event of a stream carries. */
	public static String errorBody(String type, String message) {
		ObjectNode body = JSON.createObjectNode().put("type", "error");
		body.putObject("error").put("type", type).put("message", message);
		body.put("request_id", "req_011CSHoEeqs5C35K2UUqR7Fy");
		return body.toString();
	}

	@Override
	protected void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
			RecordedRequest request = new RecordedRequest(exchange.getRequestURI().getPath(),
					Map.copyOf(exchange.getRequestHeaders()), body, json);
			record(request);
			Behaviour behaviour = behaviourFor(request.model());
			if (behaviour != null) {
				behaviour.answer(exchange, request);
			}
			else if (!"/v1/messages".equals(request.path())) {
				sendJson(exchange, 404, errorBody("not_found_error", "Not Found"));
			}
			else if (json.path("stream").asBoolean(false)) {
				streamMessage(exchange, request);
			}
			else {
				sendJson(exchange, 200, message(request).toString());
			}
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

	/** The whole answer: text, or a preamble and a tool call when the request offers tools. */
	private static ObjectNode message(RecordedRequest request) {
		ObjectNode message = messageStart(request.model());
		ArrayNode content = message.withArrayProperty("content");
		String tool = toolToCall(request.json());
		if (tool == null) {
			content.addObject().put("type", "text").put("text", REPLY);
		}
		else {
			content.addObject().put("type", "text").put("text", TOOL_PREAMBLE);
			content.addObject()
				.put("type", "tool_use")
				.put("id", TOOL_USE_ID)
				.put("name", tool)
				.set("input", JSON.readTree(TOOL_INPUT));
		}
		message.put("stop_reason", tool == null ? "end_turn" : "tool_use");
		message.set("usage", usage(OUTPUT_TOKENS));
		return message;
	}

	private static void streamMessage(HttpExchange exchange, RecordedRequest request) throws IOException {
		String tool = toolToCall(request.json());
		try (StreamWriter writer = StreamWriter.open(exchange)) {
			event(writer, messageStartEvent(request.model()));
			event(writer, blockStart(0, JSON.createObjectNode().put("type", "text").put("text", "")));
			event(writer, JSON.createObjectNode().put("type", "ping"));
			for (String piece : tool == null ? REPLY_PIECES : List.of(TOOL_PREAMBLE)) {
				event(writer, blockDelta(0, JSON.createObjectNode().put("type", "text_delta").put("text", piece)));
			}
			event(writer, JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
			if (tool != null) {
				event(writer, blockStart(1, JSON.createObjectNode()
					.put("type", "tool_use")
					.put("id", TOOL_USE_ID)
					.put("name", tool)
					.set("input", JSON.createObjectNode())));
				// Anthropic opens every tool input with an empty fragment.
				event(writer, inputJsonDelta(""));
				for (String piece : TOOL_INPUT_PIECES) {
					event(writer, inputJsonDelta(piece));
				}
				event(writer, JSON.createObjectNode().put("type", "content_block_stop").put("index", 1));
			}
			ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
			messageDelta.putObject("delta")
				.put("stop_reason", tool == null ? "end_turn" : "tool_use")
				.putNull("stop_sequence");
			messageDelta.putObject("usage").put("output_tokens", OUTPUT_TOKENS);
			event(writer, messageDelta);
			event(writer, JSON.createObjectNode().put("type", "message_stop"));
		}
	}

	/** The opening of a stream as the wire carries it: {@code message_start}, a text block and its first delta. */
	public static String streamOpening(String model, String text) {
		return frame(messageStartEvent(model))
				+ frame(blockStart(0, JSON.createObjectNode().put("type", "text").put("text", "")))
				+ frame(blockDelta(0, JSON.createObjectNode().put("type", "text_delta").put("text", text)));
	}

	/** The name of the first tool, unless the conversation already carries a tool result. */
	private static @Nullable String toolToCall(JsonNode request) {
		JsonNode tools = request.path("tools");
		if (tools.isEmpty()) {
			return null;
		}
		for (JsonNode block : request.path("messages").path(request.path("messages").size() - 1).path("content")) {
			if ("tool_result".equals(block.path("type").asString(""))) {
				return null;
			}
		}
		return tools.path(0).path("name").asString();
	}

	/** Input usage comes with {@code message_start}; the output so far is one token. */
	private static ObjectNode messageStartEvent(String model) {
		ObjectNode start = messageStart(model);
		start.set("usage", usage(1));
		return JSON.createObjectNode().put("type", "message_start").set("message", start);
	}

	private static ObjectNode messageStart(String model) {
		ObjectNode message = JSON.createObjectNode()
			.put("id", MESSAGE_ID)
			.put("type", "message")
			.put("role", "assistant")
			.put("model", model);
		message.putArray("content");
		message.putNull("stop_reason");
		message.putNull("stop_sequence");
		return message;
	}

	private static ObjectNode usage(int outputTokens) {
		ObjectNode usage = JSON.createObjectNode()
			.put("input_tokens", INPUT_TOKENS)
			.put("cache_creation_input_tokens", CACHE_CREATION_INPUT_TOKENS)
			.put("cache_read_input_tokens", CACHE_READ_INPUT_TOKENS);
		usage.putObject("cache_creation")
			.put("ephemeral_5m_input_tokens", CACHE_CREATION_INPUT_TOKENS)
			.put("ephemeral_1h_input_tokens", 0);
		return usage.put("output_tokens", outputTokens).put("service_tier", "standard");
	}

	private static ObjectNode blockStart(int index, ObjectNode block) {
		return JSON.createObjectNode().put("type", "content_block_start").put("index", index).set("content_block", block);
	}

	private static ObjectNode blockDelta(int index, ObjectNode delta) {
		return JSON.createObjectNode().put("type", "content_block_delta").put("index", index).set("delta", delta);
	}

	private static void event(StreamWriter writer, ObjectNode data) throws IOException {
		writer.raw(frame(data));
	}

	/** {@code event:} named as the data's type, as Anthropic sends every event. */
	private static String frame(ObjectNode data) {
		return "event: " + data.path("type").asString() + "\ndata: " + data + "\n\n";
	}

	private static ObjectNode inputJsonDelta(String partialJson) {
		return blockDelta(1, JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", partialJson));
	}

	private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
		exchange.getResponseHeaders().set("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy");
		OpenAiMockServer.sendJson(exchange, status, json);
	}

}
