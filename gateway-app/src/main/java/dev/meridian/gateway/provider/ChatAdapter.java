package dev.meridian.gateway.provider;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks one provider wire format for chat: turns an OpenAI Chat Completions request into the
 * provider's request, and the provider's answers (whole, streamed, or errors) back into OpenAI
 * shapes. Used when the client's dialect differs from the provider's; same-dialect requests are
 * forwarded byte for byte instead.
 */
public interface ChatAdapter {

	/** @throws GatewayException 400 when the request asks for something the provider cannot do */
	UpstreamRequest chatRequest(Provider provider, String upstreamModel, ObjectNode chatRequest, boolean stream);

	/** The provider's whole answer as a {@code chat.completion} under the client's model name. */
	ObjectNode chatCompletion(byte[] body, String clientModel);

	ChatStreamDecoder chatStream(String clientModel);

	/** The provider's error answer as the error the client gets. */
	GatewayException error(int status, ResponseHeaders headers, byte[] body);

}
