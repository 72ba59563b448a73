package dev.meridian.gateway.provider.gemini;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.meridian.gateway.provider.ChatChunkWriter;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the events of one {@code streamGenerateContent?alt=sse} stream into OpenAI
 * {@code chat.completion.chunk}s. Each event is a whole GenerateContentResponse holding only the
 * new parts; Gemini sends a function call complete in one part, so each becomes one complete
 * tool-call delta. Not thread-safe: one instance per stream, fed in order.
 */
public final class GeminiStreamTranslator {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final ChatChunkWriter chunks;
	private final Set<Integer> choicesStarted = new HashSet<>();
	private final Map<Integer, Integer> toolCallsByChoice = new HashMap<>();
	private @Nullable ObjectNode usage;

	public GeminiStreamTranslator(String clientModel, String id, long createdEpochSeconds) {
		this.chunks = new ChatChunkWriter(id, clientModel, createdEpochSeconds);
	}

	/**
	 * Chunks for one SSE event, in order. Throws {@link dev.meridian.gateway.error.GatewayException}
	 * when the event says the prompt was blocked, which Gemini sends as the only event of the stream.
	 */
	public List<ObjectNode> onEvent(ObjectNode streamedGenerateContentResponse) {
		GeminiResponseTranslator.rejectBlockedPrompt(streamedGenerateContentResponse);
		JsonNode usageMetadata = streamedGenerateContentResponse.path("usageMetadata");
		if (usageMetadata.isObject()) {
			usage = GeminiUsage.toOpenAi(usageMetadata);
		}
		List<ObjectNode> chunks = new ArrayList<>();
		int position = 0;
		for (JsonNode candidate : streamedGenerateContentResponse.path("candidates").values()) {
			candidateChunks(candidate, candidate.path("index").asInt(position++), chunks);
		}
		return chunks;
	}

	/** The closing chunk OpenAI sends for {@code stream_options.include_usage}; empty if Gemini sent no usage. */
	public List<ObjectNode> onEnd() {
		if (usage == null) {
			return List.of();
		}
		return List.of(chunks.usage(usage.deepCopy()));
	}

	/** Usage as of the last event, also when the stream broke off early. */
	public Optional<ObjectNode> usage() {
		return Optional.ofNullable(usage).map(ObjectNode::deepCopy);
	}

	private void candidateChunks(JsonNode candidate, int index, List<ObjectNode> chunks) {
		JsonNode parts = candidate.path("content").path("parts");
		ObjectNode delta = JSON.objectNode();
		if (choicesStarted.add(index)) {
			delta.put("role", "assistant");
		}
		String text = GeminiParts.text(parts);
		if (text != null && !text.isEmpty()) {
			delta.put("content", text);
		}
		List<ObjectNode> toolCalls = GeminiParts.toolCalls(parts);
		if (!toolCalls.isEmpty()) {
			ArrayNode deltas = delta.putArray("tool_calls");
			int next = toolCallsByChoice.getOrDefault(index, 0);
			for (ObjectNode call : toolCalls) {
				deltas.add(JSON.objectNode().put("index", next++).setAll(call));
			}
			toolCallsByChoice.put(index, next);
		}
		if (!delta.isEmpty()) {
			chunks.add(choiceChunk(index, delta, null));
		}
		String finishReason = candidate.path("finishReason").asString("");
		if (!finishReason.isEmpty()) {
			boolean calledTools = toolCallsByChoice.containsKey(index);
			chunks.add(choiceChunk(index, JSON.objectNode(), GeminiFinishReason.toOpenAi(finishReason, calledTools)));
		}
	}

	/** Gemini may answer with several candidates, so the choice index varies, unlike the writer's own chunks. */
	private ObjectNode choiceChunk(int index, ObjectNode delta, @Nullable String finishReason) {
		ObjectNode chunk = chunks.chunk();
		ObjectNode choice = chunk.putArray("choices").addObject().put("index", index);
		choice.set("delta", delta);
		choice.put("finish_reason", finishReason);
		return chunk;
	}
}
