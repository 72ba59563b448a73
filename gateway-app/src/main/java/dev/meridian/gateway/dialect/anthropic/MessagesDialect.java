package dev.meridian.gateway.dialect.anthropic;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;

import dev.meridian.gateway.dialect.ClientDialect;
import dev.meridian.gateway.dialect.DialectStream;
import dev.meridian.gateway.error.GatewayException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Anthropic Messages API for a client whose model is served by a provider of another wire
 * format: an unchanged Anthropic SDK can then use OpenAI, Gemini or any other configured model.
 */
public final class MessagesDialect implements ClientDialect {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final MessagesRequestTranslator requests = new MessagesRequestTranslator();

	private final MessagesResponseTranslator responses = new MessagesResponseTranslator();

	@Override
	public ObjectNode toChatRequest(ObjectNode clientRequest) {
		return translated(() -> requests.toChatRequest(clientRequest));
	}

	@Override
	public byte[] fromChatCompletion(ObjectNode chatCompletion, ObjectNode clientRequest, String clientModel) {
		return JSON.writeValueAsBytes(translated(() -> responses.toMessage(chatCompletion, clientModel)));
	}

	@Override
	public DialectStream stream(ObjectNode clientRequest, String clientModel) {
		MessagesStreamTranslator translator = new MessagesStreamTranslator(clientModel);
		return new DialectStream() {

			@Override
			public byte[] onChunk(ObjectNode chunk) {
				return bytes(translated(() -> translator.onChunk(chunk)));
			}

			@Override
			public byte[] onEnd() {
				return bytes(translator.onEnd());
			}

			@Override
			public byte[] onError(GatewayException error) {
				return bytes(translator.onError(error.status().value(), error.getMessage()));
			}

		};
	}

	private static byte[] bytes(List<SseEvent> events) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		events.forEach(event -> out.writeBytes(event.toBytes()));
		return out.toByteArray();
	}

	/** Reports the translators' refusals as the gateway's errors. */
	private static <T> T translated(Supplier<T> translation) {
		try {
			return translation.get();
		}
		catch (MessagesApiException ex) {
			HttpStatus status = HttpStatus.resolve(ex.status());
			throw new GatewayException(status == null ? HttpStatus.BAD_GATEWAY : status,
					AnthropicErrorEnvelope.errorType(ex.status()), null, null, ex.getMessage());
		}
	}

}
