package dev.meridian.gateway.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for Gemini's {@code models/{model}:batchEmbedContents}: it checks the key in
 * {@code x-goog-api-key} and that every request names the model of the path, as Gemini does, and
 * answers {@code {"embeddings":[{"values":[...]}, ...]}} in the order of the requests. Each vector is
 * {@code [0.25 * length, 0.5, -0.125]} of its text. It records every request.
 */
public final class GeminiEmbeddingsMock implements AutoCloseable {

	private static final Pattern BATCH_EMBED_PATH = Pattern.compile("/v1beta/(models/[^/:]+):batchEmbedContents");

	private static final JsonMapper JSON = JsonMapper.shared();

	/** A request as Gemini received it. */
	public record RecordedRequest(String path, Map<String, List<String>> headers, JsonNode json) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().getFirst())
				.findFirst()
				.orElse(null);
		}

	}

	private final String apiKey;

	private final HttpServer server;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	public GeminiEmbeddingsMock(String apiKey) {
		this.apiKey = apiKey;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", this::handle);
		server.start();
	}

	/** The root to configure as the provider's {@code base_url}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public List<RecordedRequest> requests() {
		return requests;
	}

	public void reset() {
		requests.clear();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			RecordedRequest request = new RecordedRequest(exchange.getRequestURI().getRawPath(),
					Map.copyOf(exchange.getRequestHeaders()), body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
			requests.add(request);
			Matcher path = BATCH_EMBED_PATH.matcher(request.path());
			if (!path.matches()) {
				error(exchange, 404, "NOT_FOUND", "Requested entity was not found.");
			}
			else if (!apiKey.equals(request.header("x-goog-api-key"))) {
				error(exchange, 400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
			}
			else {
				embed(exchange, path.group(1), request.json().path("requests"));
			}
		}
	}

	private static void embed(HttpExchange exchange, String model, JsonNode requests) throws IOException {
		ObjectNode response = JSON.createObjectNode();
		ArrayNode embeddings = response.putArray("embeddings");
		for (JsonNode request : requests.values()) {
			if (!model.equals(request.path("model").asString(""))) {
				error(exchange, 400, "INVALID_ARGUMENT", "Model in the request does not match the model of the batch: "
						+ request.path("model").asString("") + " vs " + model);
				return;
			}
			String text = request.path("content").path("parts").path(0).path("text").asString("");
			embeddings.addObject().putArray("values").add(0.25 * text.length()).add(0.5).add(-0.125);
		}
		send(exchange, 200, response.toString());
	}

	private static void error(HttpExchange exchange, int status, String reason, String message) throws IOException {
		ObjectNode error = JSON.createObjectNode();
		error.putObject("error").put("code", status).put("message", message).put("status", reason);
		send(exchange, status, error.toString());
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
