package dev.meridian.gateway.provider;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the OpenAI {@code chat.completion.chunk}s of one streamed answer with a single choice:
 * every chunk carries the same id, creation time and model, and tool calls are numbered in the
 * order they start, as OpenAI numbers them, whatever the provider's own block numbering.
 */
public final class ChatChunkWriter {

	private final String clientModel;

	private final long created;

	private String id;

	/** The provider's content block index to the OpenAI tool call index. */
	private final Map<Integer, Integer> toolCallIndexByBlock = new HashMap<>();

	public ChatChunkWriter(String id, String clientModel, long createdEpochSeconds) {
		this.id = id;
		this.clientModel = clientModel;
		this.created = createdEpochSeconds;
	}

	/** For a provider that names its answer in the first event of the stream rather than up front. */
	public void id(String id) {
		this.id = id;
	}

	/** The first chunk: the assistant's turn begins, with empty content. */
	public ObjectNode role() {
		return choice(JsonNodeFactory.instance.objectNode().put("role", "assistant").put("content", ""), null);
	}

	public ObjectNode text(String text) {
		return choice(JsonNodeFactory.instance.objectNode().put("content", text), null);
	}

	/** Starts the tool call carried by a provider content block; its arguments follow in pieces. */
	public ObjectNode toolCallStart(int block, String callId, String name) {
		int toolCallIndex = this.toolCallIndexByBlock.size();
		this.toolCallIndexByBlock.put(block, toolCallIndex);
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("index", toolCallIndex);
		call.put("id", callId);
		call.put("type", "function");
		call.putObject("function").put("name", name).put("arguments", "");
		return toolCall(call);
	}

	/** Whether that content block started a tool call. */
	public boolean isToolCall(int block) {
		return this.toolCallIndexByBlock.containsKey(block);
	}

	/** A piece of the arguments of the tool call that content block started. */
	public ObjectNode toolCallArguments(int block, String fragment) {
		int toolCallIndex = Objects.requireNonNull(this.toolCallIndexByBlock.get(block), "not a tool call block");
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("index", toolCallIndex);
		call.putObject("function").put("arguments", fragment);
		return toolCall(call);
	}

	public ObjectNode finish(String finishReason) {
		return choice(JsonNodeFactory.instance.objectNode(), finishReason);
	}

	/** The final chunk OpenAI sends with {@code stream_options.include_usage}: no choices, only usage. */
	public ObjectNode usage(ObjectNode usage) {
		ObjectNode chunk = chunk();
		chunk.putArray("choices");
		chunk.set("usage", usage);
		return chunk;
	}

	/** A chunk with its identity and nothing else, for a caller that writes its own choices. */
	public ObjectNode chunk() {
		ObjectNode chunk = JsonNodeFactory.instance.objectNode();
		chunk.put("id", this.id);
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", this.created);
		chunk.put("model", this.clientModel);
		return chunk;
	}

	private ObjectNode toolCall(ObjectNode call) {
		ObjectNode delta = JsonNodeFactory.instance.objectNode();
		delta.putArray("tool_calls").add(call);
		return choice(delta, null);
	}

	private ObjectNode choice(ObjectNode delta, @Nullable String finishReason) {
		ObjectNode chunk = chunk();
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason);
		return chunk;
	}

}
