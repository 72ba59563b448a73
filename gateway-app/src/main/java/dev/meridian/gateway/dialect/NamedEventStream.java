package dev.meridian.gateway.dialect;

import java.io.ByteArrayOutputStream;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.node.ObjectNode;

/** A {@link DialectStream} that writes what a {@link NamedEventTranslator} makes of each chunk. */
public final class NamedEventStream implements DialectStream {

	private final NamedEventTranslator translator;

	public NamedEventStream(NamedEventTranslator translator) {
		this.translator = translator;
	}

	@Override
	public byte[] onChunk(ObjectNode chatCompletionChunk) {
		return bytes(this.translator.onChunk(chatCompletionChunk));
	}

	@Override
	public byte[] onEnd() {
		return bytes(this.translator.onEnd());
	}

	@Override
	public byte[] onError(GatewayException error) {
		return bytes(this.translator.onError(error.status().value(), error.getMessage()));
	}

	private static byte[] bytes(List<NamedEvent> events) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		events.forEach(event -> out.writeBytes(event.toBytes()));
		return out.toByteArray();
	}

}
