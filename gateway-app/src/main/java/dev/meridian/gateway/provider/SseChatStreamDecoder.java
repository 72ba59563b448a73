package dev.meridian.gateway.provider;

import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.sse.ServerSentEvent;
import dev.meridian.gateway.sse.SseEventSplitter;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part every server-sent-events provider stream shares: cutting the bytes into events and
 * handing each one with data to the provider's own translation.
 */
public abstract class SseChatStreamDecoder implements ChatStreamDecoder {

	private final SseEventSplitter splitter = new SseEventSplitter();

	@Override
	public final List<ObjectNode> decode(byte[] bytes) {
		List<ObjectNode> chunks = new ArrayList<>();
		splitter.feed(bytes, (buffer, start, end) -> {
			ServerSentEvent event = ServerSentEvent.parse(buffer, start, end);
			if (event.hasData()) {
				chunks.addAll(onEvent(event));
			}
		});
		return chunks;
	}

	/** Nothing by default: most providers say all there is to say inside the stream. */
	@Override
	public List<ObjectNode> finish() {
		return List.of();
	}

	/** The chat chunks one provider event turns into. */
	protected abstract List<ObjectNode> onEvent(ServerSentEvent event);

}
