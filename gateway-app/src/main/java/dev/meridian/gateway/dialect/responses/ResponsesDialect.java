package dev.meridian.gateway.dialect.responses;

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
 * The OpenAI Responses API for a client whose model is not served by OpenAI itself: requests
 * become chat requests, and chat answers become Responses objects and stream events.
 */
public final class ResponsesDialect implements ClientDialect {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ResponsesRequestTranslator requests = new ResponsesRequestTranslator();

	private final ResponsesResponseTranslator responses = new ResponsesResponseTranslator();

	@Override
	public ObjectNode toChatRequest(ObjectNode clientRequest) {
		return translated(() -> requests.toChatRequest(clientRequest));
	}

	@Override
	public byte[] fromChatCompletion(ObjectNode chatCompletion, ObjectNode clientRequest, String clientModel) {
		return JSON.writeValueAsBytes(translated(() -> responses.toResponse(chatCompletion, clientRequest, clientModel)));
	}

	@Override
	public DialectStream stream(ObjectNode clientRequest, String clientModel) {
		ResponsesStreamTranslator translator = new ResponsesStreamTranslator(clientRequest, clientModel);
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

	private static byte[] bytes(List<ResponsesEvent> events) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		events.forEach(event -> out.writeBytes(event.toBytes()));
		return out.toByteArray();
	}

	private static <T> T translated(Supplier<T> translation) {
		try {
			return translation.get();
		}
		catch (ResponsesApiException ex) {
			HttpStatus status = HttpStatus.resolve(ex.status());
			throw new GatewayException(status == null ? HttpStatus.BAD_REQUEST : status, "invalid_request_error",
					ex.code(), ex.param(), ex.getMessage());
		}
	}

}
