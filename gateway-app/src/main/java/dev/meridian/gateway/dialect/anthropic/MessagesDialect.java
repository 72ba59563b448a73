package dev.meridian.gateway.dialect.anthropic;

import dev.meridian.gateway.dialect.ClientDialect;
import dev.meridian.gateway.dialect.DialectStream;
import dev.meridian.gateway.dialect.NamedEventStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Anthropic Messages API for a client whose model is served by a provider of another wire
 * format: an unchanged Anthropic SDK can then use OpenAI, Gemini or any other configured model.
 */
public final class MessagesDialect implements ClientDialect {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final MessagesRequestTranslator requests = new MessagesRequestTranslator();

	private final MessagesResponseTranslator responses = new MessagesResponseTranslator();

	@Override
	public ObjectNode toChatRequest(ObjectNode clientRequest) {
		return requests.toChatRequest(clientRequest);
	}

	@Override
	public byte[] fromChatCompletion(ObjectNode chatCompletion, ObjectNode clientRequest, String clientModel) {
		return JSON.writeValueAsBytes(responses.toMessage(chatCompletion, clientModel));
	}

	@Override
	public DialectStream stream(ObjectNode clientRequest, String clientModel) {
		return new NamedEventStream(new MessagesStreamTranslator(clientModel));
	}

}
