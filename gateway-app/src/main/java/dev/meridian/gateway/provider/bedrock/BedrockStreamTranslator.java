package dev.meridian.gateway.provider.bedrock;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.meridian.gateway.provider.ChatChunkWriter;
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

	private final ChatChunkWriter chunks;

	private BedrockUsage usage = BedrockUsage.NONE;

	/**
	 * @param id the chunk id, the same on every chunk; Bedrock gives none
	 */
	public BedrockStreamTranslator(String clientModel, String id, long createdEpochSeconds) {
		this.chunks = new ChatChunkWriter(id, clientModel, createdEpochSeconds);
	}

	/**
	 * Translates one decoded event-stream message.
	 * @return the chunks to send, often none
	 * @throws dev.meridian.gateway.error.GatewayException for an exception or error message, as
	 * {@link BedrockErrors} maps it
	 */
	public List<ObjectNode> onMessage(EventStreamMessage message) {
		return switch (message.messageType()) {
			case "event" -> onEvent(message.eventType(), payload(message));
			case "exception" ->
				throw BedrockErrors.fromStreamException(message.eventType(), BedrockErrors.message(payload(message)));
			case "error" -> throw BedrockErrors.fromStreamException(message.eventType(),
					new String(message.payload(), StandardCharsets.UTF_8));
			default -> List.of();
		};
	}

	/**
	 * Translates one event.
	 * @param eventType the {@code :event-type} of an event or the {@code :exception-type} of an exception
	 * @param payload the event's JSON payload
	 * @return the chunks to send, often none
	 * @throws dev.meridian.gateway.error.GatewayException for an exception
	 * ({@code throttlingException}, {@code modelStreamErrorException}, ...), as {@link BedrockErrors}
	 * maps it
	 */
	public List<ObjectNode> onEvent(String eventType, ObjectNode payload) {
		return switch (eventType) {
			case "messageStart" -> List.of(this.chunks.role());
			case "contentBlockStart" ->
				contentBlockStart(payload.path("contentBlockIndex").asInt(), payload.path("start"));
			case "contentBlockDelta" ->
				contentBlockDelta(payload.path("contentBlockIndex").asInt(), payload.path("delta"));
			case "messageStop" -> List.of(this.chunks
				.finish(BedrockResponseTranslator.finishReason(payload.path("stopReason").asString(""))));
			case "metadata" -> {
				this.usage = BedrockUsage.from(payload.path("usage"));
				yield List.of(this.chunks.usage(this.usage.toOpenAiUsage()));
			}
			default -> {
				if (eventType.endsWith("Exception")) {
					throw BedrockErrors.fromStreamException(eventType, BedrockErrors.message(payload));
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
		return List.of(this.chunks.toolCallStart(blockIndex, toolUse.path("toolUseId").asString(""),
				toolUse.path("name").asString("")));
	}

	private List<ObjectNode> contentBlockDelta(int blockIndex, JsonNode delta) {
		String text = delta.path("text").asString("");
		if (!text.isEmpty()) {
			return List.of(this.chunks.text(text));
		}
		String partialInput = delta.path("toolUse").path("input").asString("");
		if (partialInput.isEmpty()) {
			// Reasoning deltas (and empty fragments) have no place in the OpenAI answer.
			return List.of();
		}
		if (!this.chunks.isToolCall(blockIndex)) {
			throw BedrockErrors.malformedStream(
					"tool input for content block " + blockIndex + ", which did not start as a tool use");
		}
		return List.of(this.chunks.toolCallArguments(blockIndex, partialInput));
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
			throw BedrockErrors.malformedStream(message.eventType() + " payload is not JSON");
		}
		if (!(payload instanceof ObjectNode object)) {
			throw BedrockErrors.malformedStream(message.eventType() + " payload is not a JSON object");
		}
		return object;
	}

}
