package dev.meridian.gateway.provider;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one provider stream, as its bytes arrive, into OpenAI {@code chat.completion.chunk}
 * objects; the last one carries the usage and no choices. One decoder per stream.
 */
public interface ChatStreamDecoder {

	/** The chunks completed by these bytes; possibly none. */
	List<ObjectNode> decode(byte[] bytes);

	/** What is left to say when the provider ends its stream, such as the usage chunk. */
	List<ObjectNode> finish();

}
