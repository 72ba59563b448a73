package dev.meridian.gateway.provider.bedrock;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.provider.ChatAdapter;
import dev.meridian.gateway.provider.ChatStreamDecoder;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.ResponseHeaders;
import dev.meridian.gateway.provider.UpstreamRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Bedrock's Converse API ({@code /model/{id}/converse}, and {@code converse-stream} with its
 * binary event-stream framing) behind OpenAI Chat Completions, every request signed with SigV4.
 */
public final class BedrockChatAdapter implements ChatAdapter {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Map<String, String> SIGNED_HEADERS = Map.of("content-type", "application/json");

	private static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

	private final BedrockRequestTranslator requests = new BedrockRequestTranslator();

	private final BedrockResponseTranslator responses = new BedrockResponseTranslator();

	@Override
	public UpstreamRequest chatRequest(Provider provider, String upstreamModel, ObjectNode chatRequest, boolean stream) {
		byte[] body = JSON.writeValueAsBytes(requests.toConverseRequest(chatRequest));
		String url = provider.baseUrl().resolve(BedrockRequestTranslator.conversePath(upstreamModel, stream));
		Map<String, String> headers = new HashMap<>(Objects
			.requireNonNull(provider.signer(), "a Bedrock provider signs its requests")
			.sign("POST", URI.create(url), SIGNED_HEADERS, body));
		// Bedrock streams its own binary framing, not server-sent events.
		headers.put("accept", stream ? EVENT_STREAM : "application/json");
		return new UpstreamRequest(url, headers, body);
	}

	@Override
	public ObjectNode chatCompletion(byte[] body, String clientModel) {
		ObjectNode response = (ObjectNode) JSON.readTree(body);
		return responses.toChatCompletion(response, clientModel, newCompletionId(), Instant.now().getEpochSecond());
	}

	@Override
	public ChatStreamDecoder chatStream(String clientModel) {
		EventStreamDecoder frames = new EventStreamDecoder();
		BedrockStreamTranslator translator = new BedrockStreamTranslator(clientModel, newCompletionId(),
				Instant.now().getEpochSecond());
		return new ChatStreamDecoder() {

			@Override
			public List<ObjectNode> decode(byte[] bytes) {
				List<ObjectNode> chunks = new ArrayList<>();
				for (EventStreamMessage message : frames.feed(bytes)) {
					chunks.addAll(translator.onMessage(message));
				}
				return chunks;
			}

			@Override
			public List<ObjectNode> finish() {
				if (frames.hasPartialMessage()) {
					throw GatewayException.of(502, "upstream_error", "upstream_malformed_stream",
							"The Bedrock stream ended in the middle of a message.");
				}
				return List.of();
			}

		};
	}

	@Override
	public GatewayException error(int status, ResponseHeaders headers, byte[] body) {
		return BedrockErrors.fromResponse(status, headers.get(BedrockErrors.ERROR_TYPE_HEADER),
				new String(body, StandardCharsets.UTF_8));
	}

	private static String newCompletionId() {
		return "chatcmpl-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
	}

}
