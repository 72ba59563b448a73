package dev.meridian.gateway.proxy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import dev.meridian.gateway.testsupport.AnthropicMockServer;
import dev.meridian.gateway.testsupport.GeminiMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.StreamWriter;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A provider that dies in the middle of a stream, or ends it before the answer is complete:
 * whatever its wire format and whatever the client's, the client gets what was said so far and
 * then its own API's error ending, which its SDK reports, never a stream that just stops or one
 * that passes for complete.
 */
class ProviderDiesMidStreamTest extends ProviderIntegrationTest {

	private static final String DEATH = "could not be reached";

	private static final String EARLY_END = "ended before the answer was complete";

	@ParameterizedTest(name = "{0} for {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/v1/chat/completions | claude-dying | 'data: {"error":{'
			/v1/chat/completions | gemini-dying | 'data: {"error":{'
			/v1/messages         | llama-dying  | 'event: error\\ndata: {"type":"error","error":{"type":"api_error"'
			/v1/messages         | claude-dying | 'event: error\\ndata: {"type":"error","error":{"type":"api_error"'
			/v1/responses        | llama-dying  | 'event: response.failed\\ndata: {"type":"response.failed"'
			/v1/responses        | gpt-dying    | 'event: error\\ndata: {"type":"error"'
			""")
	void theStreamEndsWithTheClientApisErrorEvent(String path, String model, String lastEventStart) throws Exception {
		String input = path.equals("/v1/responses") ? "\"input\":\"Hi\""
				: "\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
		HttpResponse<String> response = send(post(path, "{\"model\":\"" + model + "\",\"stream\":true," + input + "}"));

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> events = List.of(response.body().split("\n\n"));
		assertThat(String.join("", events.subList(0, events.size() - 1))).contains(LAST_WORDS);
		assertThat(events.getLast()).startsWith(lastEventStart.replace("\\n", "\n"))
			.contains(DEATH);
		assertThat(response.body()).as("the error is the last word").endsWith("}\n\n");
	}

	@Test
	void theOpenAiSdkRaisesTheErrorAfterTheTextOfAnAnthropicModel() {
		assertChatStreamDies(CLAUDE_DYING);
	}

	@Test
	void theOpenAiSdkRaisesTheErrorAfterTheTextOfAGeminiModel() {
		assertChatStreamDies(GEMINI_DYING);
	}

	@Test
	void theAnthropicSdkRaisesTheErrorEventOfATranslatedStream() {
		assertMessagesStreamDies(LLAMA_DYING);
	}

	@Test
	void theAnthropicSdkRaisesTheErrorEventOfAForwardedStream() {
		assertMessagesStreamDies(CLAUDE_DYING);
	}

	@Test
	void aTranslatedResponsesStreamEndsWithResponseFailed() {
		List<ResponseStreamEvent> events = responsesStream(LLAMA_DYING);

		assertThat(events.getFirst().isCreated()).isTrue();
		assertThat(events.stream().flatMap(event -> event.outputTextDelta().stream()))
			.singleElement()
			.satisfies(delta -> assertThat(delta.delta()).isEqualTo(LAST_WORDS));
		assertThat(events.getLast().isFailed()).isTrue();
		assertThat(events.getLast().asFailed().response().error().orElseThrow().message()).contains(DEATH);
	}

	@Test
	void aForwardedResponsesStreamEndsWithAnErrorEvent() {
		List<ResponseStreamEvent> events = responsesStream(GPT_DYING);

		assertThat(events.getFirst().isCreated()).isTrue();
		assertThat(events.stream().flatMap(event -> event.outputTextDelta().stream()))
			.singleElement()
			.satisfies(delta -> assertThat(delta.delta()).isEqualTo(LAST_WORDS));
		assertThat(events.getLast().isError()).isTrue();
		assertThat(events.getLast().asError().message()).contains(DEATH);
	}

	@Test
	void anAnthropicStreamThatStopsShortOfMessageStopIsAnErrorForTheOpenAiSdk() {
		anthropic.on(CLAUDE_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				writer.raw(AnthropicMockServer.streamOpening(CLAUDE_ID, LAST_WORDS));
			}
		});

		assertChatStreamEndsEarly(CLAUDE);
	}

	@Test
	void aGeminiStreamThatStopsShortOfItsFinishReasonIsAnErrorForTheOpenAiSdk() {
		gemini.on(GEMINI_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				writer.raw(GeminiMockServer.streamEvent(GEMINI_ID, LAST_WORDS));
			}
		});

		assertChatStreamEndsEarly(GEMINI);
	}

	@Test
	void anOpenAiStreamThatStopsShortOfItsFinishReasonIsAnErrorForTheAnthropicSdk() {
		openAi.on(LLAMA_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				writer.event(OpenAiMockServer.chatChunk(LLAMA_ID, "{\"role\":\"assistant\",\"content\":\"\"}", "null", true));
				writer.event(OpenAiMockServer.chatChunk(LLAMA_ID, "{\"content\":\"" + LAST_WORDS + "\"}", "null", true));
			}
		});

		List<RawMessageStreamEvent> events = new ArrayList<>();
		MessageCreateParams params = MessageCreateParams.builder().model(LLAMA).maxTokens(64).addUserMessage("Hi").build();
		try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk().messages().createStreaming(params)) {
			Iterator<RawMessageStreamEvent> iterator = stream.stream().iterator();
			assertThatThrownBy(() -> iterator.forEachRemaining(events::add))
				.isInstanceOf(AnthropicServiceException.class)
				.hasMessageContaining(EARLY_END);
		}
		assertThat(events).noneMatch(RawMessageStreamEvent::isMessageDelta);
	}

	/** The upstream closed its stream cleanly, but before the answer was complete. */
	private void assertChatStreamEndsEarly(String model) {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage("Hi").build();
		StringBuilder text = new StringBuilder();
		try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat()
			.completions()
			.createStreaming(params)) {
			assertThatThrownBy(() -> stream.stream()
				.forEach(chunk -> chunk.choices().forEach(choice -> text.append(choice.delta().content().orElse("")))))
				.isInstanceOf(OpenAIException.class)
				.hasMessageContaining(EARLY_END);
		}
		assertThat(text).hasToString(LAST_WORDS);
	}

	private void assertChatStreamDies(String model) {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(model).addUserMessage("Hi").build();
		try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat()
			.completions()
			.createStreaming(params)) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			StringBuilder text = new StringBuilder();
			assertThatThrownBy(() -> {
				while (chunks.hasNext()) {
					chunks.next().choices().forEach(choice -> text.append(choice.delta().content().orElse("")));
				}
			}).isInstanceOf(OpenAIException.class).hasMessageContaining(DEATH);
			assertThat(text).hasToString(LAST_WORDS);
		}
	}

	private void assertMessagesStreamDies(String model) {
		MessageCreateParams params = MessageCreateParams.builder().model(model).maxTokens(64).addUserMessage("Hi").build();
		List<RawMessageStreamEvent> events = new ArrayList<>();
		try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk().messages().createStreaming(params)) {
			Iterator<RawMessageStreamEvent> iterator = stream.stream().iterator();
			assertThatThrownBy(() -> iterator.forEachRemaining(events::add))
				.isInstanceOfSatisfying(AnthropicServiceException.class, ex -> {
					assertThat(ex.type()).hasValue(ErrorType.API_ERROR);
					assertThat(ex.getMessage()).contains(DEATH);
				});
		}
		assertThat(events.getFirst().isMessageStart()).isTrue();
		assertThat(events.stream().flatMap(event -> event.contentBlockDelta().stream()))
			.singleElement()
			.satisfies(delta -> assertThat(delta.delta().asText().text()).isEqualTo(LAST_WORDS));
		assertThat(events).noneMatch(RawMessageStreamEvent::isMessageStop);
	}

	private List<ResponseStreamEvent> responsesStream(String model) {
		try (com.openai.core.http.StreamResponse<ResponseStreamEvent> stream = openAiSdk().responses()
			.createStreaming(ResponseCreateParams.builder().model(model).input("Hi").build())) {
			return stream.stream().toList();
		}
	}

}
