package dev.meridian.gateway.dialect.openai;

import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.dialect.ClientDialect;
import dev.meridian.gateway.dialect.DialectStream;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.error.OpenAiErrorBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions for a client whose model is served by another wire format: the request
 * is already the canonical shape; answers get the client's model name, and streams end with
 * {@code data: [DONE]} (the usage chunk only when the client asked for it).
 */
public final class ChatCompletionsDialect implements ClientDialect {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

	@Override
	public ObjectNode toChatRequest(ObjectNode clientRequest) {
		return clientRequest;
	}

	@Override
	public byte[] fromChatCompletion(ObjectNode chatCompletion, ObjectNode clientRequest, String clientModel) {
		chatCompletion.put("model", clientModel);
		return JSON.writeValueAsBytes(chatCompletion);
	}

	@Override
	public DialectStream stream(ObjectNode clientRequest, String clientModel) {
		boolean wantsUsage = clientRequest.path("stream_options").path("include_usage").asBoolean(false);
		return new DialectStream() {

			@Override
			public byte[] onChunk(ObjectNode chunk) {
				JsonNode choices = chunk.path("choices");
				if (!wantsUsage && choices.isArray() && choices.isEmpty()) {
					return new byte[0];
				}
				chunk.put("model", clientModel);
				return event(JSON.writeValueAsBytes(chunk));
			}

			@Override
			public byte[] onEnd() {
				return DONE;
			}

			@Override
			public byte[] onError(GatewayException error) {
				return event(OpenAiErrorBody.of(error));
			}

		};
	}

	/** {@code data: <json>} and the blank line that ends an event. */
	public static byte[] event(byte[] json) {
		byte[] event = new byte[json.length + 8];
		event[0] = 'd';
		event[1] = 'a';
		event[2] = 't';
		event[3] = 'a';
		event[4] = ':';
		event[5] = ' ';
		System.arraycopy(json, 0, event, 6, json.length);
		event[event.length - 2] = '\n';
		event[event.length - 1] = '\n';
		return event;
	}

}
