package dev.meridian.gateway.provider.anthropic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ChatAdapter;
import dev.meridian.gateway.provider.ChatStreamDecoder;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.ResponseHeaders;
import dev.meridian.gateway.provider.SseChatStreamDecoder;
import dev.meridian.gateway.provider.UpstreamRequest;
import dev.meridian.gateway.sse.ServerSentEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic's Messages API ({@code POST /v1/messages}) behind OpenAI Chat Completions. */
public final class AnthropicChatAdapter implements ChatAdapter {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final AnthropicRequestTranslator requests = new AnthropicRequestTranslator();

	private final AnthropicResponseTranslator responses = new AnthropicResponseTranslator();

	@Override
	public UpstreamRequest chatRequest(Provider provider, String upstreamModel, ObjectNode chatRequest, boolean stream) {
		ObjectNode request = requests.toMessagesRequest(chatRequest, upstreamModel);
		if (stream) {
			request.put("stream", true);
		}
		else {
			request.remove("stream");
		}
		return UpstreamRequest.of(provider.baseUrl().resolve("/v1/messages"), JSON.writeValueAsBytes(request));
	}

	@Override
	public ObjectNode chatCompletion(byte[] body, String clientModel) {
		ObjectNode message = (ObjectNode) JSON.readTree(body);
		return responses.toChatCompletion(message, clientModel, Instant.now().getEpochSecond());
	}

	@Override
	public ChatStreamDecoder chatStream(String clientModel) {
		AnthropicStreamTranslator translator = new AnthropicStreamTranslator(clientModel, Instant.now().getEpochSecond());
		return new SseChatStreamDecoder() {

			@Override
			protected List<ObjectNode> onEvent(ServerSentEvent event) {
				ObjectNode data = (ObjectNode) JSON.readTree(event.data());
				String type = (event.event() != null) ? event.event() : data.path("type").asString(null);
				return translator.onEvent(type, data);
			}

		};
	}

	@Override
	public GatewayException error(int status, ResponseHeaders headers, byte[] body) {
		return AnthropicErrors.fromResponse(status, new String(body, StandardCharsets.UTF_8));
	}

}
