package dev.meridian.gateway.provider;

import java.util.Map;

import dev.meridian.gateway.provider.anthropic.AnthropicChatAdapter;
import dev.meridian.gateway.provider.gemini.GeminiChatAdapter;
import dev.meridian.gateway.provider.openai.OpenAiChatAdapter;
import org.jspecify.annotations.Nullable;

/** The chat adapter of each wire format Meridian can translate to. */
public final class ChatAdapters {

	private static final ChatAdapter OPENAI = new OpenAiChatAdapter();

	private static final Map<WireFormat, ChatAdapter> BY_WIRE = Map.of(WireFormat.OPENAI, OPENAI,
			WireFormat.AZURE_OPENAI, OPENAI, WireFormat.ANTHROPIC, new AnthropicChatAdapter(), WireFormat.GEMINI,
			new GeminiChatAdapter());

	private ChatAdapters() {
	}

	/** Null for a wire format this version cannot call yet. */
	public static @Nullable ChatAdapter forWire(WireFormat wire) {
		return BY_WIRE.get(wire);
	}

}
