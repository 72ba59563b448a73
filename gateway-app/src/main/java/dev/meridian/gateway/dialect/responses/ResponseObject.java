package dev.meridian.gateway.dialect.responses;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shapes a Responses answer is made of, shared by the whole and the streamed translation:
 * the {@code response} object with the request settings it echoes, its output items and usage.
 */
final class ResponseObject {

	private ResponseObject() {
	}

	/**
	 * An in-progress response with no output yet. Like OpenAI, it echoes the request's settings,
	 * which the SDKs require; settings the request left out are null where Meridian cannot know the
	 * upstream's default, and OpenAI's default where that is what the gateway applies.
	 */
	static ObjectNode inProgress(String id, JsonNode chatCreated, String clientModel, ObjectNode request) {
		ObjectNode response = JsonNodeFactory.instance.objectNode();
		response.put("id", id);
		response.put("object", "response");
		response.put("created_at", chatCreated.isIntegralNumber() ? chatCreated.asLong() : Instant.now().getEpochSecond());
		response.put("status", "in_progress");
		response.put("background", false);
		response.putNull("error");
		response.putNull("incomplete_details");
		response.set("instructions", echo(request, "instructions"));
		response.set("max_output_tokens", echo(request, "max_output_tokens"));
		response.put("model", clientModel);
		response.putArray("output");
		response.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
		response.putNull("previous_response_id");
		response.set("reasoning", echo(request, "reasoning"));
		// Nothing is kept: a later retrieval or previous_response_id could not find this response.
		response.put("store", false);
		response.set("temperature", echo(request, "temperature"));
		JsonNode text = request.path("text");
		response.set("text", text.isObject() ? text
				: JsonNodeFactory.instance.objectNode().set("format", JsonNodeFactory.instance.objectNode().put("type", "text")));
		JsonNode toolChoice = request.path("tool_choice");
		response.set("tool_choice", ResponsesRequestTranslator.isSet(toolChoice) ? toolChoice
				: JsonNodeFactory.instance.stringNode("auto"));
		response.set("tools", tools(request.path("tools")));
		response.set("top_p", echo(request, "top_p"));
		response.put("truncation", request.path("truncation").asString("disabled"));
		response.putNull("usage");
		response.set("user", echo(request, "user"));
		JsonNode metadata = request.path("metadata");
		response.set("metadata", metadata.isObject() ? metadata : JsonNodeFactory.instance.objectNode());
		return response;
	}

	/**
	 * Sets the final status from the chat finish reason: a reply cut by the token limit or by a
	 * content filter is {@code incomplete}, as OpenAI reports it.
	 */
	static void finish(ObjectNode response, @Nullable String finishReason) {
		String reason = incompleteReason(finishReason);
		if (reason == null) {
			response.put("status", "completed");
			return;
		}
		response.put("status", "incomplete");
		response.putObject("incomplete_details").put("reason", reason);
	}

	/** The status of an output item the finish reason ended. */
	static String itemStatus(@Nullable String finishReason) {
		return incompleteReason(finishReason) == null ? "completed" : "incomplete";
	}

	static ObjectNode messageItem(String id, String status) {
		ObjectNode item = JsonNodeFactory.instance.objectNode();
		item.put("id", id);
		item.put("type", "message");
		item.put("status", status);
		item.put("role", "assistant");
		item.putArray("content");
		return item;
	}

	static ObjectNode outputText(String text) {
		ObjectNode part = JsonNodeFactory.instance.objectNode();
		part.put("type", "output_text");
		part.put("text", text);
		part.putArray("annotations");
		part.putArray("logprobs");
		return part;
	}

	static ObjectNode functionCallItem(String id, String status, String callId, String name, String arguments) {
		ObjectNode item = JsonNodeFactory.instance.objectNode();
		item.put("id", id);
		item.put("type", "function_call");
		item.put("status", status);
		item.put("arguments", arguments);
		item.put("call_id", callId);
		item.put("name", name);
		return item;
	}

	/**
	 * Chat {@code prompt_tokens} and Responses {@code input_tokens} both include cached tokens.
	 * Chat reports no cache writes, but the SDKs read {@code cache_write_tokens}, so it is 0 then.
	 */
	static ObjectNode usage(JsonNode chatUsage) {
		long inputTokens = chatUsage.path("prompt_tokens").asLong(0);
		long outputTokens = chatUsage.path("completion_tokens").asLong(0);
		JsonNode promptDetails = chatUsage.path("prompt_tokens_details");
		ObjectNode usage = JsonNodeFactory.instance.objectNode();
		usage.put("input_tokens", inputTokens);
		usage.putObject("input_tokens_details")
			.put("cached_tokens", promptDetails.path("cached_tokens").asLong(0))
			.put("cache_write_tokens", promptDetails.path("cache_write_tokens").asLong(0));
		usage.put("output_tokens", outputTokens);
		usage.putObject("output_tokens_details")
			.put("reasoning_tokens", chatUsage.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
		usage.put("total_tokens", chatUsage.path("total_tokens").asLong(inputTokens + outputTokens));
		return usage;
	}

	private static @Nullable String incompleteReason(@Nullable String finishReason) {
		if ("length".equals(finishReason)) {
			return "max_output_tokens";
		}
		return "content_filter".equals(finishReason) ? "content_filter" : null;
	}

	private static JsonNode echo(ObjectNode request, String field) {
		JsonNode value = request.path(field);
		return value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value;
	}

	/** The function tools as OpenAI echoes them, with {@code parameters} and {@code strict} always present. */
	private static ArrayNode tools(JsonNode requestTools) {
		ArrayNode tools = JsonNodeFactory.instance.arrayNode();
		for (JsonNode tool : requestTools) {
			if (tool instanceof ObjectNode function) {
				ObjectNode echoed = function.deepCopy();
				echoed.set("parameters", echo(function, "parameters"));
				echoed.set("strict", echo(function, "strict"));
				tools.add(echoed);
			}
		}
		return tools;
	}

}
