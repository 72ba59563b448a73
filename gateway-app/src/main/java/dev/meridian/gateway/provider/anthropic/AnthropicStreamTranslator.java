package dev.meridian.gateway.provider.anthropic;

import java.util.List;

import dev.meridian.gateway.provider.ChatChunkWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one Anthropic Messages stream into OpenAI {@code chat.completion.chunk} objects, one
 * instance per stream. Events arrive in Anthropic's order: {@code message_start}, content blocks
 * ({@code content_block_start}, deltas, {@code content_block_stop}), {@code message_delta},
 * {@code message_stop}, with {@code ping} anywhere. Unknown event and delta types are skipped, as
 * Anthropic's versioning policy asks.
 */
public final class AnthropicStreamTranslator {

	private final ChatChunkWriter chunks;

	private AnthropicUsage usage = AnthropicUsage.NONE;

	public AnthropicStreamTranslator(String clientModel, long createdEpochSeconds) {
		this.chunks = new ChatChunkWriter("", clientModel, createdEpochSeconds);
	}

	/**
	 * Translates one event.
	 * @param eventType the SSE {@code event:} name (the data's {@code type} is used when null)
	 * @param data the parsed SSE {@code data:} payload
	 * @return the chunks to send, often none
	 * @throws dev.meridian.gateway.error.GatewayException for an {@code error} event, as
	 * {@link AnthropicErrors} maps it
	 */
	public List<ObjectNode> onEvent(@Nullable String eventType, ObjectNode data) {
		String type = eventType != null ? eventType : data.path("type").asString("");
		return switch (type) {
			case "message_start" -> messageStart(data.path("message"));
			case "content_block_start" -> contentBlockStart(data.path("index").asInt(), data.path("content_block"));
			case "content_block_delta" -> contentBlockDelta(data.path("index").asInt(), data.path("delta"));
			case "message_delta" -> messageDelta(data);
			case "message_stop" -> List.of(this.chunks.usage(this.usage.toOpenAiUsage()));
			case "error" -> throw AnthropicErrors.fromStreamError(data);
			default -> List.of();
		};
	}

	/** Usage so far: input counts from {@code message_start}, output updated by {@code message_delta}. */
	public AnthropicUsage usage() {
		return this.usage;
	}

	private List<ObjectNode> messageStart(JsonNode message) {
		this.chunks.id(message.path("id").asString(""));
		this.usage = AnthropicUsage.from(message.path("usage"));
		return List.of(this.chunks.role());
	}

	private List<ObjectNode> contentBlockStart(int blockIndex, JsonNode block) {
		String type = block.path("type").asString("");
		if ("text".equals(type)) {
			String text = block.path("text").asString("");
			return text.isEmpty() ? List.of() : List.of(this.chunks.text(text));
		}
		if (!"tool_use".equals(type)) {
			return List.of();
		}
		return List.of(this.chunks.toolCallStart(blockIndex, block.path("id").asString(""),
				block.path("name").asString("")));
	}

	private List<ObjectNode> contentBlockDelta(int blockIndex, JsonNode delta) {
		switch (delta.path("type").asString("")) {
			case "text_delta" -> {
				String text = delta.path("text").asString("");
				return text.isEmpty() ? List.of() : List.of(this.chunks.text(text));
			}
			case "input_json_delta" -> {
				String partialJson = delta.path("partial_json").asString("");
				// Anthropic opens each tool input with an empty fragment; it adds nothing.
				if (!this.chunks.isToolCall(blockIndex) || partialJson.isEmpty()) {
					return List.of();
				}
				return List.of(this.chunks.toolCallArguments(blockIndex, partialJson));
			}
			default -> {
				// thinking_delta, signature_delta and citations_delta have no place in the OpenAI answer.
				return List.of();
			}
		}
	}

	private List<ObjectNode> messageDelta(JsonNode data) {
		this.usage = this.usage.updatedWith(data.path("usage"));
		JsonNode stopReason = data.path("delta").path("stop_reason");
		if (!stopReason.isString()) {
			return List.of();
		}
		return List.of(this.chunks.finish(AnthropicResponseTranslator.finishReason(stopReason.stringValue())));
	}

}
