package dev.meridian.gateway.dialect.anthropic;

import java.util.UUID;

import dev.meridian.gateway.dialect.ChatMessageText;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ToolArguments;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Translates an OpenAI chat completion into an Anthropic Messages API response. */
public final class MessagesResponseTranslator {

	private static final String CHAT_ID_PREFIX = "chatcmpl-";

	/**
	 * @throws GatewayException (502) when a tool call's arguments are not a JSON object,
	 * which Anthropic's {@code tool_use.input} must be
	 */
	public ObjectNode toMessage(ObjectNode chatCompletion, String clientModel) {
		JsonNode choice = chatCompletion.path("choices").path(0);
		JsonNode message = choice.path("message");

		ObjectNode result = JsonNodeFactory.instance.objectNode();
		result.put("id", messageId(chatCompletion.path("id").asString("")));
		result.put("type", "message");
		result.put("role", "assistant");
		result.put("model", clientModel);
		ArrayNode content = result.putArray("content");
		String text = ChatMessageText.of(message);
		if (!text.isEmpty()) {
			content.addObject().put("type", "text").put("text", text);
		}
		JsonNode toolCalls = message.path("tool_calls");
		for (int i = 0; i < toolCalls.size(); i++) {
			JsonNode function = toolCalls.get(i).path("function");
			ObjectNode toolUse = content.addObject();
			toolUse.put("type", "tool_use");
			toolUse.put("id", toolCalls.get(i).path("id").asString(""));
			toolUse.put("name", function.path("name").asString(""));
			// The model wrote these arguments, so arguments that are no object are an upstream failure.
			toolUse.set("input", ToolArguments.asObject(function.path("arguments"), problem -> GatewayException.of(502,
					"api_error", null, "The model returned tool call arguments that are not a JSON object")));
		}
		JsonNode finishReason = choice.path("finish_reason");
		result.put("stop_reason", stopReason(finishReason.isString() ? finishReason.stringValue() : null));
		// OpenAI does not say which stop sequence matched.
		result.putNull("stop_sequence");
		result.set("usage", usage(chatCompletion.path("usage")));
		return result;
	}

	/**
	 * {@code msg_} plus the chat id without OpenAI's prefix, so retries and logs can be matched.
	 * An upstream that sends no id gets a random one: Anthropic clients expect one.
	 */
	static String messageId(String chatId) {
		String suffix = chatId.startsWith(CHAT_ID_PREFIX) ? chatId.substring(CHAT_ID_PREFIX.length()) : chatId;
		if (suffix.isEmpty()) {
			suffix = UUID.randomUUID().toString().replace("-", "");
		}
		return "msg_" + suffix;
	}

	/** OpenAI {@code finish_reason} to Anthropic {@code stop_reason}; a missing reason ends the turn. */
	static String stopReason(@Nullable String finishReason) {
		if (finishReason == null) {
			return "end_turn";
		}
		return switch (finishReason) {
			case "length" -> "max_tokens";
			case "tool_calls", "function_call" -> "tool_use";
			case "content_filter" -> "refusal";
			default -> "end_turn";
		};
	}

	/**
	 * OpenAI's {@code prompt_tokens} includes cached tokens, Anthropic's {@code input_tokens} does
	 * not. OpenAI reports no cache writes, so {@code cache_creation_input_tokens} is 0.
	 */
	static ObjectNode usage(JsonNode chatUsage) {
		long promptTokens = chatUsage.path("prompt_tokens").asLong(0);
		long cachedTokens = chatUsage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
		ObjectNode usage = JsonNodeFactory.instance.objectNode();
		usage.put("input_tokens", Math.max(0, promptTokens - cachedTokens));
		usage.put("cache_creation_input_tokens", 0);
		usage.put("cache_read_input_tokens", cachedTokens);
		usage.put("output_tokens", chatUsage.path("completion_tokens").asLong(0));
		return usage;
	}

}
