package dev.meridian.gateway.dialect.responses;

import dev.meridian.gateway.dialect.ChatMessageText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a chat completion into a Responses API {@code response} object: the assistant's
 * text becomes a {@code message} item and each tool call a {@code function_call} item.
 */
public final class ResponsesResponseTranslator {

	/**
	 * @param originalRequest the client's Responses request, whose settings the response echoes
	 * @param clientModel the model name the client asked for
	 */
	public ObjectNode toResponse(ObjectNode chatCompletion, ObjectNode originalRequest, String clientModel) {
		ResponseIds ids = new ResponseIds(chatCompletion.path("id").asString(""));
		ObjectNode response = ResponseObject.inProgress(ids.response(), chatCompletion.path("created"), clientModel,
				originalRequest);
		JsonNode choice = chatCompletion.path("choices").path(0);
		JsonNode message = choice.path("message");
		JsonNode finish = choice.path("finish_reason");
		String finishReason = finish.isString() ? finish.stringValue() : null;

		ArrayNode output = response.withArrayProperty("output");
		String text = ChatMessageText.of(message);
		JsonNode toolCalls = message.path("tool_calls");
		// A reply with neither text nor calls still gets its (empty) message, as from OpenAI.
		if (!text.isEmpty() || toolCalls.isEmpty()) {
			ObjectNode item = ResponseObject.messageItem(ids.message(output.size()), "completed");
			item.withArrayProperty("content").add(ResponseObject.outputText(text));
			output.add(item);
		}
		for (JsonNode call : toolCalls) {
			JsonNode function = call.path("function");
			int outputIndex = output.size();
			output.add(ResponseObject.functionCallItem(ids.functionCall(outputIndex), "completed",
					call.path("id").asString(ids.callId(outputIndex)), function.path("name").asString(""),
					function.path("arguments").asString("")));
		}
		// Only the last item can have been cut short by the token limit or a filter.
		((ObjectNode) output.get(output.size() - 1)).put("status", ResponseObject.itemStatus(finishReason));
		ResponseObject.finish(response, finishReason);
		JsonNode usage = chatCompletion.path("usage");
		if (usage.isObject()) {
			response.set("usage", ResponseObject.usage(usage));
		}
		return response;
	}

}
