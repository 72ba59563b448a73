package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the Bedrock Runtime API that speaks its exact wire format: Converse JSON
 * answers, ConverseStream answers in binary event-stream frames split across writes
 * ({@link EventStreamFrames}), InvokeModel for Titan Text Embeddings V2 and Cohere Embed, and errors
 * named in {@code x-amzn-ErrorType} with a {@code {"message"}} body. Like Bedrock, it checks the
 * SigV4 signature of every request against the credentials it was given and refuses a wrong one
 * with 403 {@code InvalidSignatureException}. It records every request, path as it arrived, and a
 * test can replace the answer for one model id with a {@link Behaviour}.
 * <p>
 * Embedding vectors are three floats derived from the text's length, short enough to compare in a
 * test and exact in float32: {@code [0.125 * length, -0.5, 0.25]}. Token counts are word counts.
 */
public final class BedrockMockServer
		extends LocalProviderServer<BedrockMockServer.RecordedRequest, BedrockMockServer.Behaviour> {

	public static final String REPLY = "Bonjour from the Bedrock mock!";

	public static final List<String> STREAMED_REPLY = List.of("Bon", "jour from", " the Bed", "rock mock", "!");

	/** Tokens of the default answers: the prompt, and the non-streamed answer (a streamed one counts its pieces). */
	private static final int INPUT_TOKENS = 12;

	private static final int OUTPUT_TOKENS = 9;

	static final String REQUEST_ID = "6f0a1c9e-4b3d-4a57-8d2e-9c1b7e5a3f20";

	/** What Bedrock appends to the error name in {@code x-amzn-ErrorType}. */
	private static final String ERROR_NAMESPACE = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

	private static final Pattern OPERATION_PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream|invoke)");

	private static final JsonMapper JSON = JsonMapper.shared();

	/** What the mock does with a request, instead of the default answer. */
	@FunctionalInterface
	public interface Behaviour {

		void answer(HttpExchange exchange, RecordedRequest request) throws Exception;

	}

	/**
	 * A request as Bedrock received it.
	 *
	 * @param rawPath the path exactly as it arrived, percent-encoding included
	 * @param modelId the model id, decoded from its path segment
	 * @param operation {@code converse}, {@code converse-stream} or {@code invoke}
	 * @param signatureVerified whether its SigV4 signature held
	 */
	public record RecordedRequest(String rawPath, String modelId, String operation,
			Map<String, List<String>> headers, JsonNode json, boolean signatureVerified) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

	}

	private final SigV4Verifier signatures;

	/** A Bedrock endpoint of this region that accepts requests signed with these credentials. */
	public BedrockMockServer(String region, AwsCredentialsIdentity credentials) {
		this.signatures = new SigV4Verifier("bedrock", region, credentials);
	}

	/** The root to configure as the provider's {@code base_url}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	protected void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] bytes = exchange.getRequestBody().readAllBytes();
			String rawPath = exchange.getRequestURI().getRawPath();
			Matcher operation = OPERATION_PATH.matcher(rawPath);
			if (!operation.matches() || !exchange.getRequestMethod().equals("POST")) {
				error(exchange, 404, "UnknownOperationException", null);
				return;
			}
			String rawQuery = exchange.getRequestURI().getRawQuery();
			Optional<SigV4Verifier.Rejection> rejection = signatures.verify(exchange.getRequestMethod(),
					rawQuery == null ? rawPath : rawPath + "?" + rawQuery, exchange.getRequestHeaders(), bytes);
			RecordedRequest request = new RecordedRequest(rawPath,
					URLDecoder.decode(operation.group(1).replace("+", "%2B"), StandardCharsets.UTF_8), operation.group(2),
					Map.copyOf(exchange.getRequestHeaders()),
					bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes), rejection.isEmpty());
			record(request);
			if (rejection.isPresent()) {
				error(exchange, rejection.get().status(), rejection.get().errorType(), rejection.get().message());
				return;
			}
			Behaviour behaviour = behaviourFor(request.modelId());
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

	private static void answer(HttpExchange exchange, RecordedRequest request) throws IOException {
		switch (request.operation()) {
			case "converse" -> converse(exchange, "[{\"text\":" + JSON.writeValueAsString(REPLY) + "}]", "end_turn");
			case "converse-stream" -> EventStreamFrames.send(exchange, textStream(STREAMED_REPLY));
			default -> {
				if (request.modelId().contains("titan-embed")) {
					titanEmbedding(exchange, request);
				}
				else if (request.modelId().contains("cohere.embed")) {
					cohereEmbeddings(exchange, request);
				}
				else {
					error(exchange, 400, "ValidationException", "The provided model identifier is invalid.");
				}
			}
		}
	}

	/** A Converse answer whose message holds these content blocks (a JSON array). */
	public static void converse(HttpExchange exchange, String contentJson, String stopReason) throws IOException {
		ObjectNode response = JSON.createObjectNode();
		ObjectNode message = response.putObject("output").putObject("message");
		message.put("role", "assistant");
		message.set("content", JSON.readTree(contentJson));
		response.put("stopReason", stopReason);
		response.set("usage", usage(INPUT_TOKENS, OUTPUT_TOKENS));
		response.putObject("metrics").put("latencyMs", 611);
		sendJson(exchange, 200, JSON.writeValueAsString(response));
	}

	/** The events of a streamed text answer: one delta per piece, then the stop and the usage. */
	private static List<byte[]> textStream(List<String> pieces) {
		List<byte[]> frames = new ArrayList<>();
		frames.add(EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}"));
		for (String piece : pieces) {
			frames.add(textDelta(0, piece));
		}
		frames.add(EventStreamFrames.event("contentBlockStop", "{\"contentBlockIndex\":0}"));
		frames.addAll(end("end_turn", pieces.size()));
		return frames;
	}

	public static byte[] textDelta(int blockIndex, String text) {
		return EventStreamFrames.event("contentBlockDelta", "{\"contentBlockIndex\":" + blockIndex
				+ ",\"delta\":{\"text\":" + JSON.writeValueAsString(text) + "}}");
	}

	/** {@code messageStop} with the reason, then {@code metadata} with the usage and metrics. */
	public static List<byte[]> end(String stopReason, int outputTokens) {
		ObjectNode metadata = JSON.createObjectNode();
		metadata.set("usage", usage(INPUT_TOKENS, outputTokens));
		metadata.putObject("metrics").put("latencyMs", 402);
		return List.of(EventStreamFrames.event("messageStop", "{\"stopReason\":\"" + stopReason + "\"}"),
				EventStreamFrames.event("metadata", metadata.toString()));
	}

	/** An error as Bedrock sends it; a null message leaves the body an empty object, as for an unknown operation. */
	public static void error(HttpExchange exchange, int status, String errorType, String message) throws IOException {
		exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType + ERROR_NAMESPACE);
		sendJson(exchange, status, message == null ? "{}"
				: JSON.writeValueAsString(JSON.createObjectNode().put("message", message)));
	}

	/** Titan Text Embeddings V2: {@code {inputText, dimensions?, normalize}} → one vector. */
	public static void titanEmbedding(HttpExchange exchange, RecordedRequest request) throws IOException {
		String text = request.json().path("inputText").asString("");
		if (text.isEmpty()) {
			error(exchange, 400, "ValidationException", "Malformed input request: #/inputText: expected minLength: 1,"
					+ " actual: 0, please reformat your input and try again.");
			return;
		}
		ObjectNode response = JSON.createObjectNode();
		response.set("embedding", vector(text));
		response.put("inputTextTokenCount", words(text));
		invokeAnswer(exchange, words(text), response);
	}

	/** Cohere Embed v3: {@code {texts, input_type}} → one vector per text, the token count in a header only. */
	private static void cohereEmbeddings(HttpExchange exchange, RecordedRequest request) throws IOException {
		JsonNode texts = request.json().path("texts");
		if (!request.json().path("input_type").isString() || !texts.isArray() || texts.isEmpty()) {
			error(exchange, 400, "ValidationException", "Malformed input request: #: required key [input_type] not"
					+ " found, please reformat your input and try again.");
			return;
		}
		ObjectNode response = JSON.createObjectNode();
		response.put("id", "0d8a94c4-3f77-4b2a-9b5b-4f7f6f5f4a21");
		ArrayNode embeddings = response.putArray("embeddings");
		int tokens = 0;
		for (JsonNode text : texts.values()) {
			embeddings.add(vector(text.asString()));
			tokens += words(text.asString());
		}
		response.set("texts", texts);
		response.put("response_type", "embeddings_floats");
		invokeAnswer(exchange, tokens, response);
	}

	private static void invokeAnswer(HttpExchange exchange, int inputTokens, ObjectNode response) throws IOException {
		exchange.getResponseHeaders().set("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(inputTokens));
		exchange.getResponseHeaders().set("X-Amzn-Bedrock-Invocation-Latency", "38");
		sendJson(exchange, 200, response.toString());
	}

	private static ArrayNode vector(String text) {
		return JSON.createArrayNode().add(0.125 * text.length()).add(-0.5).add(0.25);
	}

	private static int words(String text) {
		return text.isBlank() ? 0 : text.strip().split("\\s+").length;
	}

	private static ObjectNode usage(int inputTokens, int outputTokens) {
		return JSON.createObjectNode()
			.put("inputTokens", inputTokens)
			.put("outputTokens", outputTokens)
			.put("totalTokens", inputTokens + outputTokens);
	}

	private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("x-amzn-RequestId", REQUEST_ID);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
