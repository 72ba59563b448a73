package dev.meridian.gateway.provider.bedrock;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one ConverseStream into OpenAI {@code chat.completion.chunk} objects, one instance per
 * stream. Events arrive in Bedrock's order: {@code messageStart}, content blocks
 * ({@code contentBlockStart} for tool uses only, {@code contentBlockDelta}s, {@code contentBlockStop}),
 * {@code messageStop} with the stop reason, then {@code metadata} with usage and metrics. Unknown
 * events are skipped, so events Bedrock adds later do not break a stream.
 */
public final class BedrockStreamTranslator {

	private final String clientModel;

	private final String id;

	private final long created;

	private BedrockUsage usage = BedrockUsage.NONE;

	/** Bedrock content block index to OpenAI tool call index (position among tool calls). */
	private final Map<Integer, Integer> toolCallIndexByBlock = new HashMap<>();

	/**
	 * @param id the chunk id, the same on every chunk; Bedrock gives none
	 */
	public BedrockStreamTranslator(String clientModel, String id, long createdEpochSeconds) {
		this.clientModel = clientModel;
		this.id = id;
		this.created = createdEpochSeconds;
	}

	/**
	 * Translates one decoded event-stream message.
	 * @return the chunks to send, often none
	 * @throws BedrockException for an exception or error message, carrying the mapped status
	 */
	public List<ObjectNode> onMessage(EventStreamMessage message) {
		return switch (message.messageType()) {
			case "event" -> onEvent(message.eventType(), payload(message));
			case "exception" -> throw new BedrockException(BedrockErrors.fromStreamException(message.eventType(),
					BedrockErrors.message(payload(message))));
			case "error" -> throw new BedrockException(BedrockErrors.fromStreamException(message.eventType(),
					new String(message.payload(), StandardCharsets.UTF_8)));
			default -> List.of();
		};
	}

	/**
	 * Translates one event.
	 * @param eventType the {@code :event-type} of an event or the {@code :exception-type} of an exception
	 * @param payload the event's JSON payload
	 * @return the chunks to send, often none
	 * @throws BedrockException for an exception ({@code throttlingException},
	 * {@code modelStreamErrorException}, ...), carrying the mapped status
	 */
	public List<ObjectNode> onEvent(String eventType, ObjectNode payload) {
		return switch (eventType) {
			case "messageStart" -> List.of(choiceChunk(
					JsonNodeFactory.instance.objectNode().put("role", "assistant").put("content", ""), null));
			case "contentBlockStart" ->
				contentBlockStart(payload.path("contentBlockIndex").asInt(), payload.path("start"));
			case "contentBlockDelta" ->
				contentBlockDelta(payload.path("contentBlockIndex").asInt(), payload.path("delta"));
			case "messageStop" -> List.of(choiceChunk(JsonNodeFactory.instance.objectNode(),
					BedrockResponseTranslator.finishReason(payload.path("stopReason").asString(""))));
			case "metadata" -> {
				this.usage = BedrockUsage.from(payload.path("usage"));
				yield List.of(usageChunk());
			}
			default -> {
				if (eventType.endsWith("Exception")) {
					throw new BedrockException(
							BedrockErrors.fromStreamException(eventType, BedrockErrors.message(payload)));
				}
				yield List.of();
			}
		};
	}

	/** Usage from the {@code metadata} event; zero until it has arrived. */
	public BedrockUsage usage() {
		return this.usage;
	}

	private List<ObjectNode> contentBlockStart(int blockIndex, JsonNode start) {
		JsonNode toolUse = start.path("toolUse");
		if (!toolUse.isObject()) {
			return List.of();
		}
		int toolCallIndex = this.toolCallIndexByBlock.size();
		this.toolCallIndexByBlock.put(blockIndex, toolCallIndex);
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("index", toolCallIndex);
		call.put("id", toolUse.path("toolUseId").asString(""));
		call.put("type", "function");
		ObjectNode function = call.putObject("function");
		function.put("name", toolUse.path("name").asString(""));
		function.put("arguments", "");
		return List.of(toolCallChunk(call));
	}

	private List<ObjectNode> contentBlockDelta(int blockIndex, JsonNode delta) {
		String text = delta.path("text").asString("");
		if (!text.isEmpty()) {
			return List.of(choiceChunk(JsonNodeFactory.instance.objectNode().put("content", text), null));
		}
		String partialInput = delta.path("toolUse").path("input").asString("");
		if (partialInput.isEmpty()) {
			// Reasoning deltas (and empty fragments) have no place in the OpenAI answer.
			return List.of();
		}
		Integer toolCallIndex = this.toolCallIndexByBlock.get(blockIndex);
		if (toolCallIndex == null) {
			throw new BedrockException(BedrockErrors.malformedStream(
					"tool input for content block " + blockIndex + ", which did not start as a tool use"));
		}
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("index", toolCallIndex);
		call.putObject("function").put("arguments", partialInput);
		return List.of(toolCallChunk(call));
	}

	private ObjectNode toolCallChunk(ObjectNode call) {
		ObjectNode delta = JsonNodeFactory.instance.objectNode();
		delta.putArray("tool_calls").add(call);
		return choiceChunk(delta, null);
	}

	private ObjectNode choiceChunk(ObjectNode delta, @Nullable String finishReason) {
		ObjectNode chunk = chunk();
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason);
		return chunk;
	}

	/** The final chunk OpenAI sends with {@code stream_options.include_usage}: no choices, only usage. */
	private ObjectNode usageChunk() {
		ObjectNode chunk = chunk();
		chunk.putArray("choices");
		chunk.set("usage", this.usage.toOpenAiUsage());
		return chunk;
	}

	private ObjectNode chunk() {
		ObjectNode chunk = JsonNodeFactory.instance.objectNode();
		chunk.put("id", this.id);
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", this.created);
		chunk.put("model", this.clientModel);
		return chunk;
	}

	private static ObjectNode payload(EventStreamMessage message) {
		if (message.payload().length == 0) {
			return JsonNodeFactory.instance.objectNode();
		}
		JsonNode payload;
		try {
			payload = JsonMapper.shared().readTree(message.payload());
		}
		catch (JacksonException ex) {
			throw new BedrockException(BedrockErrors.malformedStream(message.eventType() + " payload is not JSON"));
		}
		if (!(payload instanceof ObjectNode object)) {
			throw new BedrockException(
					BedrockErrors.malformedStream(message.eventType() + " payload is not a JSON object"));
		}
		return object;
	}

}
