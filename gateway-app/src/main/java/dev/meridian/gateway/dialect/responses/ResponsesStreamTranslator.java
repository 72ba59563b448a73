package dev.meridian.gateway.dialect.responses;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.meridian.gateway.dialect.NamedEvent;
import dev.meridian.gateway.dialect.NamedEventTranslator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one chat completion stream into Responses stream events, one instance per stream:
 * {@code response.created} and {@code response.in_progress}; for text a message item
 * ({@code response.output_item.added}, {@code response.content_part.added},
 * {@code response.output_text.delta}..., {@code response.output_text.done},
 * {@code response.content_part.done}, {@code response.output_item.done}); for each tool call a
 * function call item ({@code response.output_item.added},
 * {@code response.function_call_arguments.delta}..., {@code response.function_call_arguments.done},
 * {@code response.output_item.done}); then {@code response.completed} or
 * {@code response.incomplete}. Every event carries an increasing {@code sequence_number}.
 *
 * <p>Items are streamed one after another, as OpenAI does: an item is done before the next is
 * added. Chat sends the finish reason before the usage-only chunk, while
 * {@code response.completed} carries both; so the response completes when the usage arrives after
 * the finish reason, or at {@link #onEnd()} when the upstream sends no usage.
 */
public final class ResponsesStreamTranslator implements NamedEventTranslator {

	private static final int MESSAGE = -1;

	private final ObjectNode originalRequest;

	private final String clientModel;

	private @Nullable Started started;

	private int nextSequenceNumber;

	private @Nullable OpenItem openItem;

	/** Chat tool call indexes whose function call items are done. */
	private final Set<Integer> doneToolCalls = new HashSet<>();

	private @Nullable String finishReason;

	private @Nullable JsonNode usage;

	private boolean finished;

	/**
	 * @param originalRequest the client's Responses request, whose settings the response echoes
	 * @param clientModel the model name the client asked for
	 */
	public ResponsesStreamTranslator(ObjectNode originalRequest, String clientModel) {
		this.originalRequest = originalRequest;
		this.clientModel = clientModel;
	}

	/** Translates one {@code chat.completion.chunk}; chunks after the response ended are ignored. */
	@Override
	public List<NamedEvent> onChunk(ObjectNode chatCompletionChunk) {
		if (this.finished) {
			return List.of();
		}
		List<NamedEvent> events = new ArrayList<>();
		Started started = start(chatCompletionChunk.path("id").asString(""), chatCompletionChunk.path("created"), events);
		JsonNode chunkUsage = chatCompletionChunk.path("usage");
		if (chunkUsage.isObject()) {
			this.usage = chunkUsage;
		}
		JsonNode choices = chatCompletionChunk.path("choices");
		if (!choices.isEmpty()) {
			onChoice(started, choices.path(0), events);
		}
		if (this.finishReason != null && this.usage != null) {
			finish(started, events);
		}
		return events;
	}

	/** The upstream stream ended (after {@code [DONE]} or on close): completes the response if still open. */
	@Override
	public List<NamedEvent> onEnd() {
		if (this.finished) {
			return List.of();
		}
		List<NamedEvent> events = new ArrayList<>();
		finish(start("", MissingNode.getInstance(), events), events);
		return events;
	}

	/**
	 * The upstream failed mid-stream: {@code response.failed}, after which nothing more is sent.
	 * It is the terminal event every SDK parses as a typed event; a standalone {@code error} event
	 * would not end the response for clients that wait for one of the terminal events.
	 */
	@Override
	public List<NamedEvent> onError(int status, String message) {
		if (this.finished) {
			return List.of();
		}
		this.finished = true;
		List<NamedEvent> events = new ArrayList<>();
		Started started = start("", MissingNode.getInstance(), events);
		OpenItem open = this.openItem;
		if (open != null) {
			started.output().add(open.done("incomplete"));
			this.openItem = null;
		}
		ObjectNode response = started.response();
		response.put("status", "failed");
		ObjectNode error = response.putObject("error");
		// The SDKs know a fixed set of codes; these two are the ones an upstream failure can be.
		error.put("code", status == 429 ? "rate_limit_exceeded" : "server_error");
		error.put("message", message);
		setUsage(response);
		add(events, "response.failed").set("response", response.deepCopy());
		return events;
	}

	private Started start(String chatId, JsonNode chatCreated, List<NamedEvent> events) {
		Started started = this.started;
		if (started == null) {
			ResponseIds ids = new ResponseIds(chatId);
			ObjectNode response = ResponseObject.inProgress(ids.response(), chatCreated, this.clientModel,
					this.originalRequest);
			started = new Started(ids, response, response.withArrayProperty("output"));
			this.started = started;
			add(events, "response.created").set("response", response.deepCopy());
			add(events, "response.in_progress").set("response", response.deepCopy());
		}
		return started;
	}

	private void onChoice(Started started, JsonNode choice, List<NamedEvent> events) {
		JsonNode delta = choice.path("delta");
		String text = delta.path("content").asString("");
		if (text.isEmpty()) {
			// A refusal is what the model said; it is streamed as text, as the whole response keeps it.
			text = delta.path("refusal").asString("");
		}
		if (!text.isEmpty()) {
			onText(started, text, events);
		}
		JsonNode toolCalls = delta.path("tool_calls");
		for (int i = 0; i < toolCalls.size(); i++) {
			onToolCall(started, toolCalls.get(i), i, events);
		}
		JsonNode finish = choice.path("finish_reason");
		if (finish.isString()) {
			this.finishReason = finish.stringValue();
			closeItem(started, ResponseObject.itemStatus(this.finishReason), events);
		}
	}

	private void onText(Started started, String text, List<NamedEvent> events) {
		OpenItem open = this.openItem;
		if (open == null || open.toolCallIndex() != MESSAGE) {
			closeItem(started, "completed", events);
			open = openMessage(started, events);
		}
		open.content().append(text);
		ObjectNode delta = addForItem(events, "response.output_text.delta", open);
		delta.put("content_index", 0);
		delta.put("delta", text);
		delta.putArray("logprobs");
	}

	private void onToolCall(Started started, JsonNode call, int position, List<NamedEvent> events) {
		int toolCallIndex = call.path("index").asInt(position);
		// Upstreams send each call whole before the next; a fragment for a call already done could
		// only contradict the arguments the client was given, so it is not passed on.
		if (this.doneToolCalls.contains(toolCallIndex)) {
			return;
		}
		OpenItem open = this.openItem;
		if (open == null || open.toolCallIndex() != toolCallIndex) {
			closeItem(started, "completed", events);
			open = openFunctionCall(started, call, toolCallIndex, events);
		}
		String arguments = call.path("function").path("arguments").asString("");
		if (!arguments.isEmpty()) {
			open.content().append(arguments);
			ObjectNode delta = addForItem(events, "response.function_call_arguments.delta", open);
			delta.put("delta", arguments);
		}
	}

	private OpenItem openMessage(Started started, List<NamedEvent> events) {
		int outputIndex = started.output().size();
		ObjectNode item = ResponseObject.messageItem(started.ids().message(outputIndex), "in_progress");
		OpenItem open = new OpenItem(item, outputIndex, MESSAGE, new StringBuilder());
		this.openItem = open;
		ObjectNode added = add(events, "response.output_item.added");
		added.put("output_index", outputIndex);
		added.set("item", item.deepCopy());
		ObjectNode partAdded = addForItem(events, "response.content_part.added", open);
		partAdded.put("content_index", 0);
		partAdded.set("part", ResponseObject.outputText(""));
		return open;
	}

	private OpenItem openFunctionCall(Started started, JsonNode call, int toolCallIndex, List<NamedEvent> events) {
		int outputIndex = started.output().size();
		String callId = call.path("id").asString("");
		ObjectNode item = ResponseObject.functionCallItem(started.ids().functionCall(outputIndex), "in_progress",
				callId.isEmpty() ? started.ids().callId(outputIndex) : callId,
				call.path("function").path("name").asString(""), "");
		OpenItem open = new OpenItem(item, outputIndex, toolCallIndex, new StringBuilder());
		this.openItem = open;
		ObjectNode added = add(events, "response.output_item.added");
		added.put("output_index", outputIndex);
		added.set("item", item.deepCopy());
		return open;
	}

	private void closeItem(Started started, String status, List<NamedEvent> events) {
		OpenItem open = this.openItem;
		if (open == null) {
			return;
		}
		this.openItem = null;
		String content = open.content().toString();
		if (open.toolCallIndex() == MESSAGE) {
			ObjectNode textDone = addForItem(events, "response.output_text.done", open);
			textDone.put("content_index", 0);
			textDone.put("text", content);
			textDone.putArray("logprobs");
			ObjectNode partDone = addForItem(events, "response.content_part.done", open);
			partDone.put("content_index", 0);
			partDone.set("part", ResponseObject.outputText(content));
		}
		else {
			this.doneToolCalls.add(open.toolCallIndex());
			ObjectNode argumentsDone = addForItem(events, "response.function_call_arguments.done", open);
			argumentsDone.put("arguments", content);
		}
		ObjectNode item = open.done(status);
		ObjectNode itemDone = add(events, "response.output_item.done");
		itemDone.put("output_index", open.outputIndex());
		itemDone.set("item", item.deepCopy());
		started.output().add(item);
	}

	private void finish(Started started, List<NamedEvent> events) {
		this.finished = true;
		String itemStatus = ResponseObject.itemStatus(this.finishReason);
		closeItem(started, itemStatus, events);
		// A reply with neither text nor calls still gets its (empty) message, as from OpenAI.
		if (started.output().isEmpty()) {
			openMessage(started, events);
			closeItem(started, itemStatus, events);
		}
		ObjectNode response = started.response();
		ResponseObject.finish(response, this.finishReason);
		setUsage(response);
		String type = "incomplete".equals(response.path("status").asString("")) ? "response.incomplete"
				: "response.completed";
		add(events, type).set("response", response.deepCopy());
	}

	private void setUsage(ObjectNode response) {
		JsonNode usage = this.usage;
		if (usage != null) {
			response.set("usage", ResponseObject.usage(usage));
		}
	}

	/** Appends a new event about the open item, naming it and its place in the output. */
	private ObjectNode addForItem(List<NamedEvent> events, String type, OpenItem item) {
		ObjectNode data = add(events, type);
		data.put("item_id", item.id());
		data.put("output_index", item.outputIndex());
		return data;
	}

	/** Appends a new event of that type and returns its data for the caller to fill in. */
	private ObjectNode add(List<NamedEvent> events, String type) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		data.put("type", type);
		data.put("sequence_number", this.nextSequenceNumber++);
		events.add(new NamedEvent(type, data));
		return data;
	}

	/** What exists once the first event is out: the ids and the response with its finished items. */
	private record Started(ResponseIds ids, ObjectNode response, ArrayNode output) {
	}

	/**
	 * The output item being streamed.
	 *
	 * @param item the item as added, in progress
	 * @param toolCallIndex the chat tool call it carries, or {@link #MESSAGE}
	 * @param content the text or the arguments so far
	 */
	private record OpenItem(ObjectNode item, int outputIndex, int toolCallIndex, StringBuilder content) {

		String id() {
			return this.item.path("id").asString("");
		}

		/** The item as it ends, with its whole text or arguments. */
		ObjectNode done(String status) {
			ObjectNode done = this.item.deepCopy();
			done.put("status", status);
			if (this.toolCallIndex == MESSAGE) {
				done.withArrayProperty("content").add(ResponseObject.outputText(this.content.toString()));
			}
			else {
				done.put("arguments", this.content.toString());
			}
			return done;
		}

	}

}
