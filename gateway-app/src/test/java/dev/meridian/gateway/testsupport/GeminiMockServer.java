package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import dev.meridian.gateway.testsupport.OpenAiMockServer.Behaviour;
import dev.meridian.gateway.testsupport.OpenAiMockServer.RecordedRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Google's Gemini API that speaks its exact wire format:
 * {@code POST /v1beta/models/{model}:generateContent} answers a GenerateContentResponse, and
 * {@code :streamGenerateContent?alt=sse} a stream of them, each holding only the new parts, the
 * last with the finish reason and the whole usage. Without {@code alt=sse} the stream comes as
 * one JSON array, as Gemini sends it. A request that declares functions is answered with a
 * {@code functionCall} part until the conversation carries a {@code functionResponse}. Records
 * every request with its query string; a test can replace the answer for one model, e.g. with an
 * {@link #error}.
 */
public final class GeminiMockServer extends LocalProviderServer<RecordedRequest, Behaviour> {

	public static final String RESPONSE_ID = "0XhWaKmnHsqP1dkP4bO4-Qo";

	public static final String REPLY = "Hello from Gemini!";

	public static final List<String> REPLY_PIECES = List.of("Hello", " from Gemini", "!");

	public static final String FUNCTION_ARGS = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";

	public static final String THOUGHT_SIGNATURE = "CiQB0e2Kb7m0pMNZ3Kq1yTz0n6Wq4y1rZb9fJ1xq0cQ3b2a1ZgpKAdHtim8=";

	public static final int PROMPT_TOKENS = 9;

	public static final int CANDIDATES_TOKENS = 5;

	public static final int THOUGHTS_TOKENS = 7;

	private static final String MODELS_PATH = "/v1beta/models/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The root to configure as the provider's {@code base_url}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** Gemini's error answer: {@code {"error":{"code","message","status"}}} with that HTTP status. */
	public static Behaviour error(int code, String status, String message) {
		return (exchange, request) -> {
			ObjectNode body = JSON.createObjectNode();
			body.putObject("error").put("code", code).put("message", message).put("status", status);
			send(exchange, code, "application/json; charset=UTF-8", body.toPrettyString());
		};
	}

	@Override
	protected void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
			String path = exchange.getRequestURI().getRawPath();
			String query = exchange.getRequestURI().getRawQuery();
			RecordedRequest request = new RecordedRequest(query == null ? path : path + "?" + query,
					Map.copyOf(exchange.getRequestHeaders()), body, json);
			record(request);
			int colon = path.lastIndexOf(':');
			if (!path.startsWith(MODELS_PATH) || colon < 0) {
				error(404, "NOT_FOUND", "Requested entity was not found.").answer(exchange, request);
				return;
			}
			String model = path.substring(MODELS_PATH.length(), colon);
			Behaviour behaviour = behaviourFor(model);
			if (behaviour != null) {
				behaviour.answer(exchange, request);
				return;
			}
			List<ObjectNode> answer = answer(json, model);
			switch (path.substring(colon + 1)) {
				case "generateContent" -> send(exchange, 200, "application/json; charset=UTF-8", whole(answer).toString());
				case "streamGenerateContent" -> {
					if ("alt=sse".equals(query)) {
						stream(exchange, answer);
					}
					else {
						send(exchange, 200, "application/json; charset=UTF-8", JSON.valueToTree(answer).toString());
					}
				}
				default -> error(404, "NOT_FOUND", "Method not found.").answer(exchange, request);
			}
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

	/** The answer as stream events: text in pieces, or one function call; the last one finishes it. */
	private static List<ObjectNode> answer(JsonNode request, String model) {
		String function = functionToCall(request);
		List<ObjectNode> events = new ArrayList<>();
		if (function == null) {
			for (String piece : REPLY_PIECES) {
				ObjectNode event = response(model, false);
				parts(event).addObject().put("text", piece);
				events.add(event);
			}
		}
		else {
			ObjectNode event = response(model, false);
			parts(event).addObject()
				.put("thoughtSignature", THOUGHT_SIGNATURE)
				.putObject("functionCall")
				.put("name", function)
				.set("args", JSON.readTree(FUNCTION_ARGS));
			events.add(event);
		}
		ObjectNode last = events.getLast();
		((ObjectNode) last.path("candidates").path(0)).put("finishReason", "STOP");
		last.set("usageMetadata", usage(true));
		return events;
	}

	/** The events of a stream folded into one response, as {@code generateContent} answers. */
	private static ObjectNode whole(List<ObjectNode> events) {
		ObjectNode whole = events.getLast().deepCopy();
		StringBuilder text = new StringBuilder();
		events.forEach(event -> parts(event).forEach(part -> text.append(part.path("text").asString(""))));
		if (!text.isEmpty()) {
			parts(whole).removeAll().addObject().put("text", text.toString());
		}
		return whole;
	}

	private static void stream(HttpExchange exchange, List<ObjectNode> events) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (ObjectNode event : events) {
				// Gemini ends its events with CRLF line breaks.
				out.write(("data: " + event + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
	}

	/** One streamed event of a text answer, as the wire carries it. */
	public static String streamEvent(String model, String text) {
		ObjectNode event = response(model, false);
		parts(event).addObject().put("text", text);
		return "data: " + event + "\r\n\r\n";
	}

	/** The first function declared, unless the conversation already carries a function response. */
	private static @Nullable String functionToCall(JsonNode request) {
		JsonNode declarations = request.path("tools").path(0).path("functionDeclarations");
		if (declarations.isEmpty()) {
			return null;
		}
		JsonNode contents = request.path("contents");
		for (JsonNode part : contents.path(contents.size() - 1).path("parts")) {
			if (part.has("functionResponse")) {
				return null;
			}
		}
		return declarations.path(0).path("name").asString();
	}

	private static ObjectNode response(String model, boolean complete) {
		ObjectNode response = JSON.createObjectNode();
		ObjectNode candidate = response.putArray("candidates").addObject();
		candidate.putObject("content").put("role", "model").putArray("parts");
		candidate.put("index", 0);
		response.set("usageMetadata", usage(complete));
		response.put("modelVersion", model);
		response.put("responseId", RESPONSE_ID);
		return response;
	}

	/** Gemini reports the prompt from the first event on, the candidates' count with the last. */
	private static ObjectNode usage(boolean complete) {
		ObjectNode usage = JSON.createObjectNode().put("promptTokenCount", PROMPT_TOKENS);
		if (complete) {
			usage.put("candidatesTokenCount", CANDIDATES_TOKENS);
		}
		usage.put("totalTokenCount", PROMPT_TOKENS + THOUGHTS_TOKENS + (complete ? CANDIDATES_TOKENS : 0));
		usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", PROMPT_TOKENS);
		return usage.put("thoughtsTokenCount", THOUGHTS_TOKENS);
	}

	private static ArrayNode parts(JsonNode response) {
		return (ArrayNode) response.path("candidates").path(0).path("content").path("parts");
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
