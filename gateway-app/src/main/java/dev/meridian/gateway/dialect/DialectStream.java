package dev.meridian.gateway.dialect;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.node.ObjectNode;

/** Writes one response stream in the client's dialect from OpenAI chat chunks. */
public interface DialectStream {

	/** The bytes to send for this chunk; empty when the chunk has nothing the client should see. */
	byte[] onChunk(ObjectNode chatCompletionChunk);

	/** The dialect's proper ending, once the provider's stream has ended. */
	byte[] onEnd();

	/** The dialect's error event, ending a stream that failed after it started. */
	byte[] onError(GatewayException error);

}
