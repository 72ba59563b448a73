package dev.meridian.gateway.provider.anthropic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

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
		ObjectNode request = translated(() -> requests.toMessagesRequest(chatRequest, upstreamModel));
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
		return translated(() -> responses.toChatCompletion(message, clientModel, Instant.now().getEpochSecond()));
	}

	@Override
	public ChatStreamDecoder chatStream(String clientModel) {
		AnthropicStreamTranslator translator = new AnthropicStreamTranslator(clientModel, Instant.now().getEpochSecond());
		return new SseChatStreamDecoder() {

			@Override
			protected List<ObjectNode> onEvent(ServerSentEvent event) {
				ObjectNode data = (ObjectNode) JSON.readTree(event.data());
				String type = (event.event() != null) ? event.event() : data.path("type").asString(null);
				return translated(() -> translator.onEvent(type, data));
			}

			@Override
			public List<ObjectNode> finish() {
				return List.of();
			}

		};
	}

	@Override
	public GatewayException error(int status, ResponseHeaders headers, byte[] body) {
		return gatewayError(AnthropicErrors.fromResponse(status, new String(body, StandardCharsets.UTF_8)));
	}

	private static <T> T translated(Supplier<T> translation) {
		try {
			return translation.get();
		}
		catch (AnthropicException ex) {
			throw gatewayError(ex.error());
		}
	}

	private static GatewayException gatewayError(OpenAiError error) {
		return GatewayException.of(error.status(), error.type(), error.code(), error.message());
	}

}
