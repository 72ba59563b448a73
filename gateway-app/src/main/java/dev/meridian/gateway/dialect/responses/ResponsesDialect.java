package dev.meridian.gateway.dialect.responses;

import dev.meridian.gateway.dialect.ClientDialect;
import dev.meridian.gateway.dialect.DialectStream;
import dev.meridian.gateway.dialect.NamedEventStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI Responses API for a client whose model is not served by OpenAI itself: requests
 * become chat requests, and chat answers become Responses objects and stream events.
 */
public final class ResponsesDialect implements ClientDialect {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ResponsesRequestTranslator requests = new ResponsesRequestTranslator();

	private final ResponsesResponseTranslator responses = new ResponsesResponseTranslator();

	@Override
	public ObjectNode toChatRequest(ObjectNode clientRequest) {
		return requests.toChatRequest(clientRequest);
	}

	@Override
	public byte[] fromChatCompletion(ObjectNode chatCompletion, ObjectNode clientRequest, String clientModel) {
		return JSON.writeValueAsBytes(responses.toResponse(chatCompletion, clientRequest, clientModel));
	}

	@Override
	public DialectStream stream(ObjectNode clientRequest, String clientModel) {
		return new NamedEventStream(new ResponsesStreamTranslator(clientRequest, clientModel));
	}

}
