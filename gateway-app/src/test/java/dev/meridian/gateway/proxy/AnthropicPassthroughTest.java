package dev.meridian.gateway.proxy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.beta.AnthropicBeta;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import dev.meridian.gateway.testsupport.AnthropicMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.RecordedRequest;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Anthropic SDK in front of an Anthropic model: the request is forwarded as the client wrote
 * it, but for the model id and the provider's own key, and the answer comes back as Anthropic
 * sent it, but for the model name.
 */
class AnthropicPassthroughTest extends ProviderIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final MessageCreateParams HELLO = MessageCreateParams.builder()
		.model(CLAUDE)
		.maxTokens(1024)
		.system("You are terse.")
		.addUserMessage("Say hello")
		.build();

	@Test
	void aMessageIsForwardedWithTheProvidersKeyAndComesBackUnderTheRequestedName() {
		HttpResponseFor<Message> response = anthropicSdk().messages().withRawResponse().create(HELLO);
		Message message = response.parse();

		assertThat(message.model().asString()).isEqualTo(CLAUDE);
		assertThat(message.id()).isEqualTo(AnthropicMockServer.MESSAGE_ID);
		assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo(AnthropicMockServer.REPLY);
		assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
		assertThat(message.usage().inputTokens()).isEqualTo(AnthropicMockServer.INPUT_TOKENS);
		assertThat(message.usage().cacheReadInputTokens()).hasValue((long) AnthropicMockServer.CACHE_READ_INPUT_TOKENS);
		assertThat(message.usage().cacheCreationInputTokens())
			.hasValue((long) AnthropicMockServer.CACHE_CREATION_INPUT_TOKENS);
		assertThat(response.headers().values("x-meridian-provider")).containsExactly("anthropic");

		RecordedRequest received = anthropic.lastRequest();
		assertThat(received.path()).isEqualTo("/v1/messages");
		assertThat(received.header("x-api-key")).as("the provider's key, not the client's").isEqualTo(ANTHROPIC_KEY);
		assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(received.header("Authorization")).isNull();
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"model": "%s", "max_tokens": 1024, "system": "You are terse.",
				 "messages": [{"role": "user", "content": "Say hello"}]}""".formatted(CLAUDE_ID)));
	}

	@Test
	void theBetaFeaturesTheClientAsksForReachAnthropic() {
		BetaMessage message = anthropicSdk().beta()
			.messages()
			.create(com.anthropic.models.beta.messages.MessageCreateParams.builder()
				.model(CLAUDE)
				.maxTokens(64)
				.addUserMessage("Hi")
				.addBeta(AnthropicBeta.STRUCTURED_OUTPUTS_2025_11_13)
				.addBeta("context-management-2025-06-27")
				.build());

		assertThat(message.model().asString()).isEqualTo(CLAUDE);
		assertThat(anthropic.lastRequest().header("anthropic-beta"))
			.isEqualTo("structured-outputs-2025-11-13,context-management-2025-06-27");
	}

	@Test
	void theClientsBytesReachAnthropicUnchangedButForTheModel() throws Exception {
		String body = """
				{ "messages": [ {"role": "user", "content": [{"type": "text", "text": "Grüß dich \\u2603",
				  "cache_control": {"type": "ephemeral"}}]} ],
				  "model": "%s", "max_tokens": 64, "top_k": 5, "thinking": {"type": "disabled"} }""";

		HttpResponse<String> response = postMessages(body.formatted(CLAUDE));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(anthropic.lastRequest().body()).isEqualTo(body.formatted(CLAUDE_ID));
		assertThat(JSON.readTree(response.body()).path("model").asString()).isEqualTo(CLAUDE);
	}

	@Test
	void aStreamIsRelayedEventForEventWithOnlyTheModelNameChanged() throws Exception {
		String body = """
				{"model": "%s", "max_tokens": 64, "stream": true, "messages": [{"role": "user", "content": "Hi"}]}""";
		HttpResponse<String> direct = send(TestHttp.request(anthropic.baseUrl() + "/v1/messages")
			.POST(HttpRequest.BodyPublishers.ofString(body.formatted(CLAUDE_ID)))
			.build());

		HttpResponse<String> relayed = postMessages(body.formatted(CLAUDE));

		assertThat(relayed.statusCode()).isEqualTo(200);
		assertThat(relayed.headers().firstValue("content-type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/event-stream"));
		assertThat(relayed.body()).contains("event: ping\n")
			.isEqualTo(direct.body().replace("\"model\":\"" + CLAUDE_ID + "\"", "\"model\":\"" + CLAUDE + "\""));
		assertThat(anthropic.lastRequest().json().path("stream").asBoolean()).isTrue();
	}

	@Test
	void theSdksStreamAccumulatesTheMessage() {
		MessageAccumulator accumulator = MessageAccumulator.create();
		try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk().messages().createStreaming(HELLO)) {
			stream.stream().forEach(accumulator::accumulate);
		}

		Message message = accumulator.message();
		assertThat(message.model().asString()).isEqualTo(CLAUDE);
		assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo(AnthropicMockServer.REPLY);
		assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
		assertThat(message.usage().outputTokens()).isEqualTo(AnthropicMockServer.OUTPUT_TOKENS);
		assertThat(anthropic.lastRequest().header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
	}

	@Test
	void anthropicsErrorsReachTheSdkInAnthropicsEnvelope() {
		anthropic.on(CLAUDE_ID, AnthropicMockServer.error(400, "invalid_request_error",
				"max_tokens: 100000 > 64000, which is the maximum allowed number of output tokens"));
		assertThatThrownBy(() -> anthropicSdk().messages().create(HELLO))
			.isInstanceOfSatisfying(BadRequestException.class, ex -> {
				assertThat(ex.type()).hasValue(ErrorType.INVALID_REQUEST_ERROR);
				assertThat(ex.getMessage()).contains("which is the maximum allowed number of output tokens");
			});

		anthropic.on(CLAUDE_ID, AnthropicMockServer.error(529, "overloaded_error", "Overloaded"));
		assertThatThrownBy(() -> anthropicSdk().messages().create(HELLO))
			.isInstanceOfSatisfying(AnthropicServiceException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(503);
				assertThat(ex.type()).hasValue(ErrorType.OVERLOADED_ERROR);
			});
	}

	/** Posts a Messages request as the Anthropic SDKs do, with the key in {@code x-api-key}. */
	private HttpResponse<String> postMessages(String body) throws Exception {
		return send(TestHttp.request(rootUrl() + "/v1/messages")
			.header("x-api-key", MASTER_KEY)
			.header("anthropic-version", "2023-06-01")
			.header("content-type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

}
