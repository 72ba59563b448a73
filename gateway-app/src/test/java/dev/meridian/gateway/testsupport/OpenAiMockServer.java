package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for an OpenAI-compatible provider that speaks OpenAI's exact wire format:
 * {@code chat.completion} objects, {@code chat.completion.chunk} server-sent events ending in
 * {@code data: [DONE]}, a usage chunk only when {@code stream_options.include_usage} is set,
 * {@code text_completion}s and embeddings (floats or base64). A chat request that offers tools is
 * answered with a call of the first one ({@code tool_calls}; streamed as a first delta with the id
 * and name, then the arguments in pieces) until the conversation carries a {@code role:tool}
 * result. {@code /v1/responses} answers a Responses {@code response} object, or its stream of
 * typed events. It answers with the upstream model id plus a date suffix, as OpenAI does, and
 * records every request. A test can replace the answer for one upstream model id with a
 * {@link Behaviour}.
 */
public final class OpenAiMockServer
		extends LocalProviderServer<OpenAiMockServer.RecordedRequest, OpenAiMockServer.Behaviour> {

	public static final String MODEL_SUFFIX = "-2024-07-18";

	public static final String REPLY = "Hello from the mock provider!";

	public static final List<String> REPLY_PIECES = List.of("Hello", " from", " the", " mock", " provider", "!");

	public static final String TOOL_CALL_ID = "call_DdmO9pD3xa9XTPNJ32zg2hcA";

	/** The arguments of the tool call, whole and in the pieces a stream sends them in. */
	public static final String TOOL_ARGUMENTS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";

	public static final List<String> TOOL_ARGUMENT_PIECES = List.of("{\"ci", "ty\":\"Paris\",", "\"unit\":\"celsius\"}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What the mock does with a request, instead of the default answer. */
	@FunctionalInterface
	public interface Behaviour {

		void answer(HttpExchange exchange, RecordedRequest request) throws Exception;

	}

	/** A request as the provider received it. */
	/**
	 * @param path the OpenAI path; Azure's {@code /openai/deployments/{name}/...} is recorded as
	 * {@code /v1/...}, with the full request target in {@code target}
	 */
	public record RecordedRequest(String path, Map<String, List<String>> headers, String body, JsonNode json,
			String target) {

		public RecordedRequest(String path, Map<String, List<String>> headers, String body, JsonNode json) {
			this(path, headers, body, json, path);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

		public String model() {
			return json.path("model").asString("");
		}

	}

	/** The root to configure as the provider's {@code base_url}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/v1";
	}

	@Override
	protected void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
			RecordedRequest request = new RecordedRequest(openAiPath(exchange.getRequestURI().getPath()),
					Map.copyOf(exchange.getRequestHeaders()), body, json, exchange.getRequestURI().toString());
			record(request);
			Behaviour behaviour = behaviourFor(request.model());
			if (behaviour != null) {
				behaviour.answer(exchange, request);
			}
			else {
				answer(exchange, request);
			}
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

	/** Azure OpenAI serves the same operations under {@code /openai/deployments/{deployment}}. */
	private static String openAiPath(String path) {
		if (!path.startsWith("/openai/deployments/")) {
			return path;
		}
		int operation = path.indexOf('/', "/openai/deployments/".length());
		return (operation < 0) ? path : "/v1" + path.substring(operation);
	}

	/** The default answer: what OpenAI answers to the request. */
	public static void answer(HttpExchange exchange, RecordedRequest request) throws IOException {
		boolean stream = request.json().path("stream").asBoolean(false);
		switch (request.path()) {
			case "/v1/chat/completions" -> {
				String tool = toolToCall(request.json());
				if (tool != null && stream) {
					streamToolCall(exchange, request, tool);
				}
				else if (tool != null) {
					sendJson(exchange, 200, toolCallCompletion(request.model() + MODEL_SUFFIX, tool));
				}
				else if (stream) {
					streamChat(exchange, request, REPLY_PIECES);
				}
				else {
					sendJson(exchange, 200, chatCompletion(request.model() + MODEL_SUFFIX));
				}
			}
			case "/v1/responses" -> {
				if (stream) {
					ResponsesAnswers.stream(exchange, request.model() + MODEL_SUFFIX);
				}
				else {
					sendJson(exchange, 200, ResponsesAnswers.completed(request.model() + MODEL_SUFFIX).toString());
				}
			}
			case "/v1/completions" -> {
				if (stream) {
					streamCompletion(exchange, request);
				}
				else {
					sendJson(exchange, 200, textCompletion(request.model() + MODEL_SUFFIX));
				}
			}
			case "/v1/embeddings" -> sendJson(exchange, 200, embeddings(request));
			default -> sendJson(exchange, 404, error("Unknown path " + request.path(), "invalid_request_error", null));
		}
	}

	public static String chatCompletion(String model) {
		return """
				{"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion","created":1741570283,\
				"model":"%s","choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null,\
				"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,\
				"completion_tokens":10,"total_tokens":29,"prompt_tokens_details":{"cached_tokens":4,"audio_tokens":0},\
				"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
				"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}"""
			.formatted(model, REPLY);
	}

	/** The name of the first tool offered, unless the conversation already ends with a tool result. */
	private static @Nullable String toolToCall(JsonNode request) {
		JsonNode messages = request.path("messages");
		if (request.path("tools").isEmpty()
				|| "tool".equals(messages.path(messages.size() - 1).path("role").asString(""))) {
			return null;
		}
		return request.path("tools").path(0).path("function").path("name").asString();
	}

	private static String toolCallCompletion(String model, String tool) {
		return """
				{"id":"chatcmpl-BkR2qXfpDQJ4Z7v1mWc8sE0nL3aTy","object":"chat.completion","created":1741570283,\
				"model":"%s","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[\
				{"id":"%s","type":"function","function":{"name":"%s","arguments":%s}}],"refusal":null,\
				"annotations":[]},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":82,\
				"completion_tokens":17,"total_tokens":99,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
				"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
				"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}"""
			.formatted(model, TOOL_CALL_ID, tool, JSON.writeValueAsString(TOOL_ARGUMENTS));
	}

	/** A first delta with the call's id and name, the arguments in pieces, the finish, usage if asked for, [DONE]. */
	private static void streamToolCall(HttpExchange exchange, RecordedRequest request, String tool) throws IOException {
		String model = request.model() + MODEL_SUFFIX;
		boolean usage = request.json().path("stream_options").path("include_usage").asBoolean(false);
		try (StreamWriter writer = StreamWriter.open(exchange)) {
			writer.event(chatChunk(model, """
					{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"%s","type":"function",\
					"function":{"name":"%s","arguments":""}}],"refusal":null}""".formatted(TOOL_CALL_ID, tool), "null", usage));
			for (String piece : TOOL_ARGUMENT_PIECES) {
				writer.event(chatChunk(model, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
						+ JSON.writeValueAsString(piece) + "}}]}", "null", usage));
			}
			writer.event(chatChunk(model, "{}", "\"tool_calls\"", usage));
			if (usage) {
				writer.event("""
						{"id":"chatcmpl-stream","object":"chat.completion.chunk","created":1741570283,"model":"%s",\
						"system_fingerprint":"fp_06737a9306","choices":[],"usage":{"prompt_tokens":82,\
						"completion_tokens":17,"total_tokens":99}}""".formatted(model));
			}
			writer.done();
		}
	}

	/** Streams the pieces as chunks, then the finish chunk, the usage chunk if asked for, and [DONE]. */
	public static void streamChat(HttpExchange exchange, RecordedRequest request, List<String> pieces)
			throws IOException {
		try (StreamWriter writer = StreamWriter.open(exchange)) {
			writeChatStream(writer, request, pieces, () -> {
			});
		}
	}

	/** Runs {@code afterFirstChunk} once the first chunk has been flushed, e.g. to hold the rest back. */
	public static void writeChatStream(StreamWriter writer, RecordedRequest request, List<String> pieces,
			Runnable afterFirstChunk) throws IOException {
		String model = request.model() + MODEL_SUFFIX;
		boolean usage = request.json().path("stream_options").path("include_usage").asBoolean(false);
		writer.event(chatChunk(model, "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", "null", usage));
		afterFirstChunk.run();
		for (String piece : pieces) {
			writer.event(chatChunk(model, "{\"content\":" + JSON.writeValueAsString(piece) + "}", "null", usage));
		}
		writer.event(chatChunk(model, "{}", "\"stop\"", usage));
		if (usage) {
			writer.event("""
					{"id":"chatcmpl-stream","object":"chat.completion.chunk","created":1741570283,"model":"%s",\
					"system_fingerprint":"fp_06737a9306","choices":[],"usage":{"prompt_tokens":19,\
					"completion_tokens":%d,"total_tokens":%d,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
					"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
					"rejected_prediction_tokens":0}}}""".formatted(model, pieces.size(), 19 + pieces.size()));
		}
		writer.done();
	}

	public static String chatChunk(String model, String delta, String finishReason, boolean usageField) {
		return """
				{"id":"chatcmpl-stream","object":"chat.completion.chunk","created":1741570283,"model":"%s",\
				"system_fingerprint":"fp_06737a9306","choices":[{"index":0,"delta":%s,"logprobs":null,\
				"finish_reason":%s}]%s}""".formatted(model, delta, finishReason, usageField ? ",\"usage\":null" : "");
	}

	private static void streamCompletion(HttpExchange exchange, RecordedRequest request) throws IOException {
		String model = request.model() + MODEL_SUFFIX;
		try (StreamWriter writer = StreamWriter.open(exchange)) {
			for (String piece : List.of("Once", " upon", " a", " time")) {
				writer.event(textChunk(model, piece, "null"));
			}
			writer.event(textChunk(model, "", "\"stop\""));
			if (request.json().path("stream_options").path("include_usage").asBoolean(false)) {
				writer.event("""
						{"id":"cmpl-stream","object":"text_completion","created":1741570283,"model":"%s",\
						"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":4,"total_tokens":9}}"""
					.formatted(model));
			}
			writer.done();
		}
	}

	private static String textChunk(String model, String text, String finishReason) {
		return """
				{"id":"cmpl-stream","object":"text_completion","created":1741570283,"choices":[{"text":%s,\
				"index":0,"logprobs":null,"finish_reason":%s}],"model":"%s","system_fingerprint":null}"""
			.formatted(JSON.writeValueAsString(text), finishReason, model);
	}

	private static String textCompletion(String model) {
		return """
				{"id":"cmpl-8FTi5","object":"text_completion","created":1741570283,"model":"%s",\
				"system_fingerprint":"fp_44709d6fcb","choices":[{"text":"Once upon a time","index":0,\
				"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":4,\
				"total_tokens":9}}""".formatted(model);
	}

	private static String embeddings(RecordedRequest request) {
		JsonNode input = request.json().path("input");
		int count = input.isArray() ? input.size() : 1;
		boolean base64 = "base64".equals(request.json().path("encoding_format").asString(""));
		StringBuilder data = new StringBuilder();
		for (int i = 0; i < count; i++) {
			float[] vector = { 0.25f * (i + 1), -0.5f, 0.125f };
			String embedding;
			if (base64) {
				ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
				for (float value : vector) {
					bytes.putFloat(value);
				}
				embedding = "\"" + Base64.getEncoder().encodeToString(bytes.array()) + "\"";
			}
			else {
				embedding = "[" + vector[0] + "," + vector[1] + "," + vector[2] + "]";
			}
			data.append(i == 0 ? "" : ",")
				.append("{\"object\":\"embedding\",\"index\":")
				.append(i)
				.append(",\"embedding\":")
				.append(embedding)
				.append('}');
		}
		return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"" + request.model() + MODEL_SUFFIX
				+ "\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}";
	}

	public static String error(String message, String type, String code) {
		return "{\"error\":{\"message\":" + JSON.writeValueAsString(message) + ",\"type\":\"" + type
				+ "\",\"param\":null,\"code\":" + (code == null ? "null" : "\"" + code + "\"") + "}}";
	}

	public static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("x-request-id", "req_mock");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Writes server-sent events with a flush per event, as OpenAI does. */
	public static final class StreamWriter implements AutoCloseable {

		private final OutputStream out;

		private StreamWriter(OutputStream out) {
			this.out = out;
		}

		public static StreamWriter open(HttpExchange exchange) throws IOException {
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
			exchange.sendResponseHeaders(200, 0);
			return new StreamWriter(exchange.getResponseBody());
		}

		public void event(String json) throws IOException {
			raw("data: " + json + "\n\n");
		}

		public void raw(String text) throws IOException {
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}

		public void done() throws IOException {
			raw("data: [DONE]\n\n");
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

	}

}
