package dev.meridian.gateway.provider.openai;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.error.UpstreamErrors;
import dev.meridian.gateway.provider.ChatAdapter;
import dev.meridian.gateway.provider.ChatStreamDecoder;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.ResponseHeaders;
import dev.meridian.gateway.provider.SseChatStreamDecoder;
import dev.meridian.gateway.provider.UpstreamRequest;
import dev.meridian.gateway.provider.WireFormat;
import dev.meridian.gateway.sse.ServerSentEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI Chat Completions as the provider side of a translation (an Anthropic SDK client using an
 * OpenAI-compatible model, say): the canonical request is sent as it is, with stream usage asked
 * for, and the answers are already in the canonical shape.
 */
public final class OpenAiChatAdapter implements ChatAdapter {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Override
	public UpstreamRequest chatRequest(Provider provider, String upstreamModel, ObjectNode chatRequest, boolean stream) {
		ObjectNode request = chatRequest.deepCopy();
		request.put("model", upstreamModel);
		if (stream) {
			request.put("stream", true);
			if (provider.type().acceptsStreamOptions()) {
				request.putObject("stream_options").put("include_usage", true);
			}
		}
		String url = (provider.type().wireFormat() == WireFormat.AZURE_OPENAI)
				? AzureOpenAiUrls.deployment(provider, upstreamModel, "/chat/completions")
				: provider.baseUrl().resolve("/chat/completions");
		return UpstreamRequest.of(url, JSON.writeValueAsBytes(request));
	}

	@Override
	public ObjectNode chatCompletion(byte[] body, String clientModel) {
		ObjectNode completion = (ObjectNode) JSON.readTree(body);
		completion.put("model", clientModel);
		return completion;
	}

	@Override
	public ChatStreamDecoder chatStream(String clientModel) {
		return new SseChatStreamDecoder() {

			@Override
			protected List<ObjectNode> onEvent(ServerSentEvent event) {
				if ("[DONE]".equals(event.data())) {
					return List.of();
				}
				ObjectNode chunk = (ObjectNode) JSON.readTree(event.data());
				if (chunk.has("error")) {
					throw UpstreamErrors.fromResponse(502, event.data().getBytes(StandardCharsets.UTF_8));
				}
				chunk.put("model", clientModel);
				return List.of(chunk);
			}

		};
	}

	@Override
	public GatewayException error(int status, ResponseHeaders headers, byte[] body) {
		return UpstreamErrors.fromResponse(status, body);
	}

}
