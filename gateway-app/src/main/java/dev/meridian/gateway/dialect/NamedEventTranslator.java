package dev.meridian.gateway.dialect;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/** Turns one chat completion stream into a dialect's named events; one instance per stream. */
public interface NamedEventTranslator {

	/** The events one {@code chat.completion.chunk} makes; often none. */
	List<NamedEvent> onChunk(ObjectNode chatCompletionChunk);

	/** The events that close the answer once the upstream stream has ended. */
	List<NamedEvent> onEnd();

	/** The events that end a stream the upstream broke off; nothing is sent after them. */
	List<NamedEvent> onError(int status, String message);

}
