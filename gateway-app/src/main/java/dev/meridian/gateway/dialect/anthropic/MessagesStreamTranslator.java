package dev.meridian.gateway.dialect.anthropic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.meridian.gateway.dialect.NamedEvent;
import dev.meridian.gateway.dialect.NamedEventTranslator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one OpenAI chat completion stream into Anthropic Messages stream events, one instance per
 * stream: {@code message_start}, then for each text run or tool call a
 * {@code content_block_start} / {@code content_block_delta}... / {@code content_block_stop}, then
 * {@code message_delta} and {@code message_stop}.
 *
 * <p>OpenAI sends the finish reason before the usage chunk, while Anthropic puts both in
 * {@code message_delta}; so the message is closed when the usage-only chunk arrives after the
 * finish reason, or at {@link #onEnd()} when the upstream sends no usage.
 */
public final class MessagesStreamTranslator implements NamedEventTranslator {

	private static final int NO_BLOCK = -1;

	private final String clientModel;

	private String messageId = "";

	private boolean started;

	private boolean finished;

	private @Nullable String finishReason;

	private @Nullable JsonNode usage;

	private int nextBlockIndex;

	private int openBlockIndex = NO_BLOCK;

	private boolean openBlockIsText;

	/** OpenAI tool call index to the Anthropic content block carrying that call. */
	private final Map<Integer, Integer> blockByToolCall = new HashMap<>();

	public MessagesStreamTranslator(String clientModel) {
		this.clientModel = clientModel;
	}

	/** Translates one {@code chat.completion.chunk}; chunks after the message was closed are ignored. */
	@Override
	public List<NamedEvent> onChunk(ObjectNode chatCompletionChunk) {
		if (this.finished) {
			return List.of();
		}
		List<NamedEvent> events = new ArrayList<>();
		JsonNode chunkUsage = chatCompletionChunk.path("usage");
		if (chunkUsage.isObject()) {
			this.usage = chunkUsage;
		}
		if (!this.started) {
			this.messageId = MessagesResponseTranslator.messageId(chatCompletionChunk.path("id").asString(""));
			events.add(messageStart());
		}
		JsonNode choices = chatCompletionChunk.path("choices");
		if (!choices.isEmpty()) {
			onChoice(choices.path(0), events);
		}
		else if (this.finishReason != null && this.usage != null) {
			events.addAll(finish());
		}
		return events;
	}

	/** The upstream stream ended (after {@code [DONE]} or on close): closes the message if still open. */
	@Override
	public List<NamedEvent> onEnd() {
		if (this.finished) {
			return List.of();
		}
		List<NamedEvent> events = new ArrayList<>();
		if (!this.started) {
			this.messageId = MessagesResponseTranslator.messageId("");
			events.add(messageStart());
		}
		events.addAll(finish());
		return events;
	}

	/** The upstream failed mid-stream: an Anthropic {@code error} event, after which nothing more is sent. */
	@Override
	public List<NamedEvent> onError(int status, String message) {
		if (this.finished) {
			return List.of();
		}
		this.finished = true;
		return List.of(new NamedEvent("error", AnthropicErrorEnvelope.of(status, message)));
	}

	private void onChoice(JsonNode choice, List<NamedEvent> events) {
		JsonNode delta = choice.path("delta");
		String text = delta.path("content").asString("");
		if (text.isEmpty()) {
			text = delta.path("refusal").asString("");
		}
		if (!text.isEmpty()) {
			if (this.openBlockIndex == NO_BLOCK || !this.openBlockIsText) {
				closeBlock(events);
				ObjectNode block = JsonNodeFactory.instance.objectNode();
				block.put("type", "text");
				block.put("text", "");
				openBlock(block, true, events);
			}
			ObjectNode textDelta = JsonNodeFactory.instance.objectNode();
			textDelta.put("type", "text_delta");
			textDelta.put("text", text);
			events.add(blockDelta(this.openBlockIndex, textDelta));
		}
		JsonNode toolCalls = delta.path("tool_calls");
		for (int i = 0; i < toolCalls.size(); i++) {
			onToolCall(toolCalls.get(i), i, events);
		}
		JsonNode finish = choice.path("finish_reason");
		if (finish.isString()) {
			this.finishReason = finish.stringValue();
			closeBlock(events);
		}
	}

	private void onToolCall(JsonNode call, int position, List<NamedEvent> events) {
		int toolCallIndex = call.path("index").asInt(position);
		Integer blockIndex = this.blockByToolCall.get(toolCallIndex);
		if (blockIndex == null) {
			closeBlock(events);
			ObjectNode block = JsonNodeFactory.instance.objectNode();
			block.put("type", "tool_use");
			String id = call.path("id").asString("");
			block.put("id", id.isEmpty() ? "toolu_" + UUID.randomUUID().toString().replace("-", "") : id);
			block.put("name", call.path("function").path("name").asString(""));
			block.putObject("input");
			blockIndex = openBlock(block, false, events);
			this.blockByToolCall.put(toolCallIndex, blockIndex);
		}
		String arguments = call.path("function").path("arguments").asString("");
		if (!arguments.isEmpty()) {
			ObjectNode jsonDelta = JsonNodeFactory.instance.objectNode();
			jsonDelta.put("type", "input_json_delta");
			jsonDelta.put("partial_json", arguments);
			// Upstreams stream tool calls one after another; should a fragment still arrive for an
			// earlier call, it goes to that call's own block so the client assembles the right input.
			events.add(blockDelta(blockIndex, jsonDelta));
		}
	}

	private int openBlock(ObjectNode contentBlock, boolean text, List<NamedEvent> events) {
		int index = this.nextBlockIndex++;
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("type", "content_block_start");
		data.put("index", index);
		data.set("content_block", contentBlock);
		events.add(new NamedEvent("content_block_start", data));
		this.openBlockIndex = index;
		this.openBlockIsText = text;
		return index;
	}

	private void closeBlock(List<NamedEvent> events) {
		if (this.openBlockIndex == NO_BLOCK) {
			return;
		}
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("type", "content_block_stop");
		data.put("index", this.openBlockIndex);
		events.add(new NamedEvent("content_block_stop", data));
		this.openBlockIndex = NO_BLOCK;
	}

	private NamedEvent blockDelta(int index, ObjectNode delta) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("type", "content_block_delta");
		data.put("index", index);
		data.set("delta", delta);
		return new NamedEvent("content_block_delta", data);
	}

	/** Input usage is known here only if the upstream sends usage on its first chunk; else 0. */
	private NamedEvent messageStart() {
		this.started = true;
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("type", "message_start");
		ObjectNode message = data.putObject("message");
		message.put("id", this.messageId);
		message.put("type", "message");
		message.put("role", "assistant");
		message.put("model", this.clientModel);
		message.putArray("content");
		message.putNull("stop_reason");
		message.putNull("stop_sequence");
		ObjectNode usage = MessagesResponseTranslator.usage(this.usage != null ? this.usage : MissingNode.getInstance());
		usage.put("output_tokens", 0);
		message.set("usage", usage);
		return new NamedEvent("message_start", data);
	}

	/**
	 * Closes the message. Anthropic's {@code message_delta} usage is cumulative; the input counts
	 * are included when known so clients that read usage only at the end see the whole of it.
	 */
	private List<NamedEvent> finish() {
		this.finished = true;
		List<NamedEvent> events = new ArrayList<>();
		closeBlock(events);
		ObjectNode messageDelta = JsonNodeFactory.instance.objectNode();
		messageDelta.put("type", "message_delta");
		ObjectNode delta = messageDelta.putObject("delta");
		delta.put("stop_reason", MessagesResponseTranslator.stopReason(this.finishReason));
		delta.putNull("stop_sequence");
		if (this.usage != null) {
			messageDelta.set("usage", MessagesResponseTranslator.usage(this.usage));
		}
		else {
			messageDelta.putObject("usage").put("output_tokens", 0);
		}
		events.add(new NamedEvent("message_delta", messageDelta));
		ObjectNode messageStop = JsonNodeFactory.instance.objectNode();
		messageStop.put("type", "message_stop");
		events.add(new NamedEvent("message_stop", messageStop));
		return events;
	}

}
