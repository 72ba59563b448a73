package dev.meridian.gateway.provider.anthropic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one Anthropic Messages stream into OpenAI {@code chat.completion.chunk} objects, one
 * instance per stream. Events arrive in Anthropic's order: {@code message_start}, content blocks
 * ({@code content_block_start}, deltas, {@code content_block_stop}), {@code message_delta},
 * {@code message_stop}, with {@code ping} anywhere. Unknown event and delta types are skipped, as
 * Anthropic's versioning policy asks.
 */
public final class AnthropicStreamTranslator {

	private final String clientModel;

	private final long created;

	private String id = "";

	private AnthropicUsage usage = AnthropicUsage.NONE;

	/** Anthropic block index to OpenAI tool call index (position among tool calls). */
	private final Map<Integer, Integer> toolCallIndexByBlock = new HashMap<>();

	public AnthropicStreamTranslator(String clientModel, long createdEpochSeconds) {
		this.clientModel = clientModel;
		this.created = createdEpochSeconds;
	}

	/**
	 * Translates one event.
	 * @param eventType the SSE {@code event:} name (the data's {@code type} is used when null)
	 * @param data the parsed SSE {@code data:} payload
	 * @return the chunks to send, often none
	 * @throws AnthropicException for an {@code error} event, carrying the mapped status
	 */
	public List<ObjectNode> onEvent(@Nullable String eventType, ObjectNode data) {
		String type = eventType != null ? eventType : data.path("type").asString("");
		return switch (type) {
			case "message_start" -> messageStart(data.path("message"));
			case "content_block_start" -> contentBlockStart(data.path("index").asInt(), data.path("content_block"));
			case "content_block_delta" -> contentBlockDelta(data.path("index").asInt(), data.path("delta"));
			case "message_delta" -> messageDelta(data);
			case "message_stop" -> List.of(usageChunk());
			case "error" -> throw new AnthropicException(AnthropicErrors.fromStreamError(data));
			default -> List.of();
		};
	}

	/** Usage so far: input counts from {@code message_start}, output updated by {@code message_delta}. */
	public AnthropicUsage usage() {
		return this.usage;
	}

	private List<ObjectNode> messageStart(JsonNode message) {
		this.id = message.path("id").asString("");
		this.usage = AnthropicUsage.from(message.path("usage"));
		ObjectNode delta = JsonNodeFactory.instance.objectNode();
		delta.put("role", "assistant");
		delta.put("content", "");
		return List.of(choiceChunk(delta, null));
	}

	private List<ObjectNode> contentBlockStart(int blockIndex, JsonNode block) {
		String type = block.path("type").asString("");
		if ("text".equals(type)) {
			String text = block.path("text").asString("");
			return text.isEmpty() ? List.of() : List.of(textChunk(text));
		}
		if (!"tool_use".equals(type)) {
			return List.of();
		}
		int toolCallIndex = this.toolCallIndexByBlock.size();
		this.toolCallIndexByBlock.put(blockIndex, toolCallIndex);
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("index", toolCallIndex);
		call.put("id", block.path("id").asString(""));
		call.put("type", "function");
		ObjectNode function = call.putObject("function");
		function.put("name", block.path("name").asString(""));
		function.put("arguments", "");
		return List.of(toolCallChunk(call));
	}

	private List<ObjectNode> contentBlockDelta(int blockIndex, JsonNode delta) {
		switch (delta.path("type").asString("")) {
			case "text_delta" -> {
				String text = delta.path("text").asString("");
				return text.isEmpty() ? List.of() : List.of(textChunk(text));
			}
			case "input_json_delta" -> {
				Integer toolCallIndex = this.toolCallIndexByBlock.get(blockIndex);
				String partialJson = delta.path("partial_json").asString("");
				// Anthropic opens each tool input with an empty fragment; it adds nothing.
				if (toolCallIndex == null || partialJson.isEmpty()) {
					return List.of();
				}
				ObjectNode call = JsonNodeFactory.instance.objectNode();
				call.put("index", toolCallIndex);
				call.putObject("function").put("arguments", partialJson);
				return List.of(toolCallChunk(call));
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
		return List.of(choiceChunk(JsonNodeFactory.instance.objectNode(),
				AnthropicResponseTranslator.finishReason(stopReason.stringValue())));
	}

	private ObjectNode textChunk(String text) {
		ObjectNode delta = JsonNodeFactory.instance.objectNode();
		delta.put("content", text);
		return choiceChunk(delta, null);
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

}
