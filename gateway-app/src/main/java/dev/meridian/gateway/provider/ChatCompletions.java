package dev.meridian.gateway.provider;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes OpenAI {@code chat.completion}s for providers whose whole answer is one assistant message. */
public final class ChatCompletions {

	private ChatCompletions() {
	}

	/**
	 * @param content the message text, or null when the model only called tools
	 * @param toolCalls the calls made with {@link #toolCall}; left out of the message when empty
	 */
	public static ObjectNode withOneChoice(String id, String clientModel, long createdEpochSeconds,
			@Nullable String content, ArrayNode toolCalls, @Nullable String finishReason, ObjectNode usage) {
		ObjectNode completion = JsonNodeFactory.instance.objectNode();
		completion.put("id", id);
		completion.put("object", "chat.completion");
		completion.put("created", createdEpochSeconds);
		completion.put("model", clientModel);
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		message.put("content", content);
		message.putNull("refusal");
		if (!toolCalls.isEmpty()) {
			message.set("tool_calls", toolCalls);
		}
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason);
		completion.set("usage", usage);
		return completion;
	}

	/** A function call; OpenAI carries its arguments as a JSON string. */
	public static ObjectNode toolCall(String id, String name, String arguments) {
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("id", id);
		call.put("type", "function");
		call.putObject("function").put("name", name).put("arguments", arguments);
		return call;
	}

}
