package dev.meridian.gateway.provider;

import java.util.Map;

import dev.meridian.gateway.provider.anthropic.AnthropicChatAdapter;
import dev.meridian.gateway.provider.bedrock.BedrockChatAdapter;
import dev.meridian.gateway.provider.bedrock.BedrockEmbeddingAdapter;
import dev.meridian.gateway.provider.gemini.GeminiChatAdapter;
import dev.meridian.gateway.provider.gemini.GeminiEmbeddingAdapter;
import org.jspecify.annotations.Nullable;
import dev.meridian.gateway.provider.openai.OpenAiChatAdapter;

/** The adapters of each wire format. */
public final class ProviderAdapters {

	private static final ChatAdapter OPENAI = new OpenAiChatAdapter();

	private static final Map<WireFormat, ChatAdapter> BY_WIRE = Map.of(WireFormat.OPENAI, OPENAI,
			WireFormat.AZURE_OPENAI, OPENAI, WireFormat.ANTHROPIC, new AnthropicChatAdapter(), WireFormat.GEMINI,
			new GeminiChatAdapter(), WireFormat.BEDROCK, new BedrockChatAdapter());

	private ProviderAdapters() {
	}

	private static final Map<WireFormat, EmbeddingAdapter> EMBEDDINGS_BY_WIRE = Map.of(WireFormat.GEMINI,
			new GeminiEmbeddingAdapter(), WireFormat.BEDROCK, new BedrockEmbeddingAdapter());

	public static ChatAdapter chatFor(WireFormat wire) {
		return BY_WIRE.get(wire);
	}

	/** Null for a wire format without an embeddings API Meridian can translate to. */
	public static @Nullable EmbeddingAdapter embeddingsFor(WireFormat wire) {
		return EMBEDDINGS_BY_WIRE.get(wire);
	}

}
