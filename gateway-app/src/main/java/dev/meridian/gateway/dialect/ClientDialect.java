package dev.meridian.gateway.dialect;

import tools.jackson.databind.node.ObjectNode;

/**
 * A client API spoken to a provider that speaks another: the client's request becomes an OpenAI
 * Chat Completions request, and the chat answer (whole or streamed) becomes the client's answer.
 */
public interface ClientDialect {

	/** @throws dev.meridian.gateway.error.GatewayException 400 for a request the dialect rejects */
	ObjectNode toChatRequest(ObjectNode clientRequest);

	/** @param clientRequest the request as the client sent it, for dialects that echo its settings */
	byte[] fromChatCompletion(ObjectNode chatCompletion, ObjectNode clientRequest, String clientModel);

	/** A new stream encoder for one response. */
	DialectStream stream(ObjectNode clientRequest, String clientModel);

}
