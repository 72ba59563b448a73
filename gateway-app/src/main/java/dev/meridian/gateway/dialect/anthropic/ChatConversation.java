package dev.meridian.gateway.dialect.anthropic;

import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Anthropic conversation ({@code system} plus {@code messages}) as OpenAI chat messages.
 * Anthropic keeps tool results inside user turns; OpenAI wants one {@code role:tool} message per
 * result, placed right after the assistant's tool calls, so a user turn may become several messages.
 */
final class ChatConversation {

	/** Anthropic concatenates system blocks; a blank line keeps them apart as separate instructions. */
	private static final String SYSTEM_BLOCK_SEPARATOR = "\n\n";

	/** OpenAI has no error flag on tool messages, so the model is told in the content itself. */
	static final String TOOL_ERROR_PREFIX = "Error: ";

	private ChatConversation() {
	}

	static ArrayNode messages(JsonNode system, JsonNode messages) {
		ArrayNode chat = JsonNodeFactory.instance.arrayNode();
		String systemPrompt = systemPrompt(system);
		if (!systemPrompt.isEmpty()) {
			ObjectNode message = chat.addObject();
			message.put("role", "system");
			message.put("content", systemPrompt);
		}
		for (int i = 0; i < messages.size(); i++) {
			JsonNode message = messages.get(i);
			String where = "messages." + i;
			JsonNode content = message.path("content");
			if (!content.isString() && !content.isArray()) {
				throw GatewayException.invalidRequest(where + ".content: must be a string or an array of content blocks");
			}
			switch (message.path("role").asString("")) {
				case "user" -> addUser(chat, content, where);
				case "assistant" -> addAssistant(chat, content, where);
				default -> throw GatewayException.invalidRequest(where + ".role: Input should be 'user' or 'assistant'");
			}
		}
		return chat;
	}

	private static String systemPrompt(JsonNode system) {
		if (system.isMissingNode() || system.isNull()) {
			return "";
		}
		if (system.isString()) {
			return system.stringValue();
		}
		if (!system.isArray()) {
			throw GatewayException.invalidRequest("system: must be a string or an array of text blocks");
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < system.size(); i++) {
			JsonNode block = system.get(i);
			if (!"text".equals(block.path("type").asString(""))) {
				throw GatewayException.invalidRequest("system." + i + ".type: only text blocks are allowed");
			}
			texts.add(block.path("text").asString(""));
		}
		return String.join(SYSTEM_BLOCK_SEPARATOR, texts);
	}

	private static void addUser(ArrayNode chat, JsonNode content, String where) {
		if (content.isString()) {
			userMessage(chat).put("content", content.stringValue());
			return;
		}
		List<ObjectNode> parts = new ArrayList<>();
		// OpenAI tool messages hold text only; images a tool returned follow in the next user message.
		List<ObjectNode> toolImages = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			JsonNode block = content.get(i);
			String blockWhere = where + ".content." + i;
			switch (block.path("type").asString("")) {
				case "text" -> parts.add(textPart(block.path("text").asString("")));
				case "image" -> parts.add(imagePart(block, blockWhere));
				case "tool_result" -> {
					flushUserParts(chat, parts);
					chat.add(toolMessage(block, blockWhere, toolImages));
				}
				default -> throw unsupportedBlock(block, blockWhere);
			}
		}
		parts.addAll(toolImages);
		flushUserParts(chat, parts);
	}

	private static void flushUserParts(ArrayNode chat, List<ObjectNode> parts) {
		if (parts.isEmpty()) {
			return;
		}
		ObjectNode message = userMessage(chat);
		if (parts.size() == 1 && "text".equals(parts.getFirst().path("type").stringValue())) {
			message.set("content", parts.getFirst().get("text"));
		}
		else {
			parts.forEach(message.putArray("content")::add);
		}
		parts.clear();
	}

	private static ObjectNode userMessage(ArrayNode chat) {
		ObjectNode message = chat.addObject();
		message.put("role", "user");
		return message;
	}

	private static ObjectNode toolMessage(JsonNode block, String where, List<ObjectNode> toolImages) {
		JsonNode toolUseId = block.path("tool_use_id");
		if (!toolUseId.isString()) {
			throw GatewayException.invalidRequest(where + ".tool_use_id: Field required");
		}
		JsonNode content = block.path("content");
		StringBuilder text = new StringBuilder();
		if (content.isString()) {
			text.append(content.stringValue());
		}
		else {
			for (int i = 0; i < content.size(); i++) {
				JsonNode part = content.get(i);
				String partWhere = where + ".content." + i;
				switch (part.path("type").asString("")) {
					case "text" -> {
						if (!text.isEmpty()) {
							text.append('\n');
						}
						text.append(part.path("text").asString(""));
					}
					case "image" -> toolImages.add(imagePart(part, partWhere));
					default -> throw unsupportedBlock(part, partWhere);
				}
			}
		}
		if (block.path("is_error").asBoolean(false)) {
			text.insert(0, TOOL_ERROR_PREFIX);
		}
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("role", "tool");
		message.put("tool_call_id", toolUseId.stringValue());
		message.put("content", text.toString());
		return message;
	}

	private static void addAssistant(ArrayNode chat, JsonNode content, String where) {
		if (content.isString()) {
			ObjectNode message = chat.addObject();
			message.put("role", "assistant");
			message.put("content", content.stringValue());
			return;
		}
		StringBuilder text = new StringBuilder();
		ArrayNode toolCalls = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < content.size(); i++) {
			JsonNode block = content.get(i);
			switch (block.path("type").asString("")) {
				case "text" -> text.append(block.path("text").asString(""));
				case "tool_use" -> {
					ObjectNode call = toolCalls.addObject();
					call.put("id", block.path("id").asString(""));
					call.put("type", "function");
					ObjectNode function = call.putObject("function");
					function.put("name", block.path("name").asString(""));
					function.put("arguments", JsonMapper.shared().writeValueAsString(block.path("input")));
				}
				// Thinking is bound to the model that produced it (its signature); other models cannot use it.
				case "thinking", "redacted_thinking" -> {
				}
				default -> throw unsupportedBlock(block, where + ".content." + i);
			}
		}
		if (text.isEmpty() && toolCalls.isEmpty()) {
			return;
		}
		ObjectNode message = chat.addObject();
		message.put("role", "assistant");
		if (text.isEmpty()) {
			message.putNull("content");
		}
		else {
			message.put("content", text.toString());
		}
		if (!toolCalls.isEmpty()) {
			message.set("tool_calls", toolCalls);
		}
	}

	private static ObjectNode textPart(String text) {
		ObjectNode part = JsonNodeFactory.instance.objectNode();
		part.put("type", "text");
		part.put("text", text);
		return part;
	}

	/** Base64 sources become data URLs; URL sources are passed as they are. */
	private static ObjectNode imagePart(JsonNode block, String where) {
		JsonNode source = block.path("source");
		String url = switch (source.path("type").asString("")) {
			case "base64" -> "data:" + source.path("media_type").asString("") + ";base64,"
					+ source.path("data").asString("");
			case "url" -> source.path("url").asString("");
			default -> throw GatewayException
				.invalidRequest(where + ".source.type: only base64 and url image sources are supported");
		};
		ObjectNode part = JsonNodeFactory.instance.objectNode();
		part.put("type", "image_url");
		part.putObject("image_url").put("url", url);
		return part;
	}

	private static GatewayException unsupportedBlock(JsonNode block, String where) {
		return GatewayException.invalidRequest(
				where + ".type: content block type '" + block.path("type").asString("") + "' is not supported here");
	}

}
