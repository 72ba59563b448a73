package dev.meridian.gateway.provider.anthropic;

import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ConversationTurns;
import dev.meridian.gateway.provider.ConversationTurns.Turn;
import dev.meridian.gateway.provider.ToolArguments;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI {@code messages} array seen as Anthropic sees a conversation: a top-level system
 * prompt, then strictly alternating user and assistant turns. System and developer messages are
 * lifted into the system prompt wherever they appear (Anthropic has no system turn); tool results
 * become user turns; consecutive turns of one role are merged because Anthropic rejects two in a row.
 */
final class AnthropicConversation {

	private final List<ObjectNode> systemBlocks = new ArrayList<>();

	private final ConversationTurns turns = new ConversationTurns();

	private AnthropicConversation() {
	}

	static AnthropicConversation from(JsonNode messages) {
		if (!messages.isArray() || messages.isEmpty()) {
			throw GatewayException.invalidRequest("messages must be a non-empty array");
		}
		AnthropicConversation conversation = new AnthropicConversation();
		for (int i = 0; i < messages.size(); i++) {
			conversation.add(messages.get(i), "messages[" + i + "]");
		}
		return conversation;
	}

	/** A string when the system prompt is plain text, blocks when there are several or they carry cache markers. */
	@Nullable JsonNode system() {
		if (this.systemBlocks.isEmpty()) {
			return null;
		}
		if (isPlainText(this.systemBlocks)) {
			return this.systemBlocks.getFirst().get("text");
		}
		ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
		this.systemBlocks.forEach(blocks::add);
		return blocks;
	}

	ArrayNode messages() {
		ArrayNode messages = JsonNodeFactory.instance.arrayNode();
		for (Turn turn : this.turns) {
			ObjectNode message = messages.addObject();
			message.put("role", turn.role());
			if (isPlainText(turn.blocks())) {
				message.set("content", turn.blocks().getFirst().get("text"));
			}
			else {
				turn.blocks().forEach(message.putArray("content")::add);
			}
		}
		return messages;
	}

	/** A lone text block with nothing else on it (no cache marker) is written as a bare string. */
	private static boolean isPlainText(List<ObjectNode> blocks) {
		return blocks.size() == 1 && blocks.getFirst().size() == 2
				&& "text".equals(blocks.getFirst().path("type").asString(""));
	}

	private void add(JsonNode message, String where) {
		String role = message.path("role").asString("");
		switch (role) {
			case "system", "developer" ->
				this.systemBlocks.addAll(AnthropicContentBlocks.fromContent(message.path("content"), where, false));
			case "user" -> this.turns.add("user", AnthropicContentBlocks.fromContent(message.path("content"), where, true));
			case "assistant" -> this.turns.add("assistant", assistantBlocks(message, where));
			case "tool" -> this.turns.add("user", List.of(toolResult(message, where)));
			default -> throw GatewayException.invalidRequest(where + ".role '" + role
					+ "' is not supported; use system, developer, user, assistant or tool");
		}
	}

	private static List<ObjectNode> assistantBlocks(JsonNode message, String where) {
		List<ObjectNode> blocks = AnthropicContentBlocks.fromContent(message.path("content"), where, false);
		JsonNode toolCalls = message.path("tool_calls");
		for (int i = 0; i < toolCalls.size(); i++) {
			JsonNode call = toolCalls.get(i);
			String callWhere = where + ".tool_calls[" + i + "]";
			ObjectNode toolUse = JsonNodeFactory.instance.objectNode();
			toolUse.put("type", "tool_use");
			toolUse.put("id", call.path("id").asString(""));
			toolUse.put("name", call.path("function").path("name").asString(""));
			toolUse.set("input", ToolArguments.asObject(call.path("function").path("arguments"),
					problem -> GatewayException.invalidRequest(callWhere + ".function.arguments " + problem)));
			blocks.add(toolUse);
		}
		return blocks;
	}

	private static ObjectNode toolResult(JsonNode message, String where) {
		JsonNode toolCallId = message.path("tool_call_id");
		if (!toolCallId.isString() || toolCallId.stringValue().isEmpty()) {
			throw GatewayException.invalidRequest(where + ".tool_call_id is required for tool messages");
		}
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		result.put("type", "tool_result");
		result.put("tool_use_id", toolCallId.stringValue());
		JsonNode content = message.path("content");
		if (content.isString()) {
			result.set("content", content);
		}
		else {
			ArrayNode blocks = result.putArray("content");
			AnthropicContentBlocks.fromContent(content, where, false).forEach(blocks::add);
		}
		return result;
	}

}
