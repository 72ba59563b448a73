package dev.meridian.gateway.provider.bedrock;

import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ConversationTurns;
import dev.meridian.gateway.provider.ConversationTurns.Turn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI {@code messages} array seen as Converse sees a conversation: a top-level system prompt,
 * then user and assistant turns that alternate and begin with the user. System and developer
 * messages are lifted into the system prompt wherever they appear; tool results become user turns;
 * consecutive turns of one role are merged because Converse rejects two in a row.
 */
final class BedrockConversation {

	/**
	 * Converse rejects a conversation that opens with the assistant (a chat window's greeting, say),
	 * which OpenAI accepts. Such a conversation is opened with this minimal user turn instead.
	 */
	static final String OPENING_USER_TEXT = ".";

	private final ArrayNode system = JsonNodeFactory.instance.arrayNode();

	private final ConversationTurns turns = new ConversationTurns();

	private boolean usesTools;

	private BedrockConversation() {
	}

	static BedrockConversation from(JsonNode messages) {
		if (!messages.isArray() || messages.isEmpty()) {
			throw GatewayException.invalidValue("messages must be a non-empty array");
		}
		BedrockConversation conversation = new BedrockConversation();
		for (int i = 0; i < messages.size(); i++) {
			conversation.add(messages.get(i), "messages[" + i + "]");
		}
		if (conversation.turns.isEmpty()) {
			throw GatewayException.invalidValue("messages must hold at least one user or assistant message with content");
		}
		return conversation;
	}

	/** The system prompt's blocks, empty when there is none. */
	ArrayNode system() {
		return this.system;
	}

	ArrayNode messages() {
		ArrayNode messages = JsonNodeFactory.instance.arrayNode();
		if (this.turns.firstRole().equals("assistant")) {
			ObjectNode opening = messages.addObject().put("role", "user");
			opening.putArray("content").add(BedrockContentBlocks.text(OPENING_USER_TEXT));
		}
		for (Turn turn : this.turns) {
			ObjectNode message = messages.addObject().put("role", turn.role());
			turn.blocks().forEach(message.putArray("content")::add);
		}
		return messages;
	}

	/** Whether the history holds tool calls or results, which obliges the request to carry its tools. */
	boolean usesTools() {
		return this.usesTools;
	}

	private void add(JsonNode message, String where) {
		String role = message.path("role").asString("");
		switch (role) {
			case "system", "developer" ->
				BedrockContentBlocks.fromContent(message.path("content"), where, false).forEach(this.system::add);
			case "user" -> this.turns.add("user", BedrockContentBlocks.fromContent(message.path("content"), where, true));
			case "assistant" -> this.turns.add("assistant", assistantBlocks(message, where));
			case "tool" -> {
				this.usesTools = true;
				this.turns.add("user", List.of(BedrockTools.toolResult(message, where)));
			}
			default -> throw GatewayException.unsupportedValue(where + ".role '" + role
					+ "' is not supported; use system, developer, user, assistant or tool");
		}
	}

	private List<ObjectNode> assistantBlocks(JsonNode message, String where) {
		List<ObjectNode> blocks = BedrockContentBlocks.fromContent(message.path("content"), where, false);
		JsonNode toolCalls = message.path("tool_calls");
		for (int i = 0; i < toolCalls.size(); i++) {
			this.usesTools = true;
			blocks.add(BedrockTools.toolUse(toolCalls.get(i), where + ".tool_calls[" + i + "]"));
		}
		return blocks;
	}

}
