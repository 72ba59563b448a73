package dev.meridian.gateway.provider.gemini;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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

/**
 * Google's Gemini API ({@code generateContent}, and {@code streamGenerateContent?alt=sse} for
 * streams) behind OpenAI Chat Completions. The model is named in the URL, not the body.
 */
public final class GeminiChatAdapter implements ChatAdapter {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final GeminiRequestTranslator requests = new GeminiRequestTranslator();

	private final GeminiResponseTranslator responses = new GeminiResponseTranslator();

	@Override
	public UpstreamRequest chatRequest(Provider provider, String upstreamModel, ObjectNode chatRequest, boolean stream) {
		ObjectNode request = requests.toGenerateContentRequest(chatRequest);
		return UpstreamRequest.of(provider.baseUrl().resolve(GeminiRequestTranslator.generatePath(upstreamModel, stream)),
				JSON.writeValueAsBytes(request));
	}

	@Override
	public ObjectNode chatCompletion(byte[] body, String clientModel) {
		ObjectNode response = (ObjectNode) JSON.readTree(body);
		return responses.toChatCompletion(response, clientModel, completionId(response), Instant.now().getEpochSecond());
	}

	@Override
	public ChatStreamDecoder chatStream(String clientModel) {
		GeminiStreamTranslator translator = new GeminiStreamTranslator(clientModel, newCompletionId(),
				Instant.now().getEpochSecond());
		return new SseChatStreamDecoder() {

			@Override
			protected List<ObjectNode> onEvent(ServerSentEvent event) {
				ObjectNode data = (ObjectNode) JSON.readTree(event.data());
				if (data.has("error")) {
					throw error(502, name -> null, event.data().getBytes(StandardCharsets.UTF_8));
				}
				return translator.onEvent(data);
			}

			@Override
			public List<ObjectNode> finish() {
				return translator.onEnd();
			}

		};
	}

	@Override
	public GatewayException error(int status, ResponseHeaders headers, byte[] body) {
		return GeminiErrors.fromResponse(status, new String(body, StandardCharsets.UTF_8));
	}

	/** Gemini names each answer with a {@code responseId}; older versions send none. */
	private static String completionId(ObjectNode response) {
		String responseId = response.path("responseId").asString("");
		return responseId.isEmpty() ? newCompletionId() : "chatcmpl-" + responseId;
	}

	private static String newCompletionId() {
		return "chatcmpl-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
	}

}
