package dev.meridian.gateway.proxy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import dev.meridian.gateway.testsupport.GeminiMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.RecordedRequest;
import dev.meridian.gateway.testsupport.OpenAiMockServer.StreamWriter;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenAI Java SDK talking Chat Completions to a model that Gemini serves. */
class OpenAiSdkToGeminiTest extends ProviderIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String GENERATE = "/v1beta/models/" + GEMINI_ID + ":generateContent";

	private static final FunctionDefinition WEATHER = FunctionDefinition.builder()
		.name("get_weather")
		.description("The current weather in a city")
		.parameters(FunctionParameters.builder()
			.putAdditionalProperty("type", JsonValue.from("object"))
			.putAdditionalProperty("properties",
					JsonValue.from(Map.of("city", Map.of("type", "string"), "unit", Map.of("type", "string"))))
			.putAdditionalProperty("required", JsonValue.from(List.of("city")))
			.build())
		.build();

	@Test
	void aChatCompletionIsAnsweredByGemini() {
		ChatCompletion completion = openAiSdk().chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model(GEMINI)
				.addSystemMessage("You are terse.")
				.addUserMessage("Say hello")
				.maxCompletionTokens(200)
				.build());

		assertThat(completion.model()).isEqualTo(GEMINI);
		ChatCompletion.Choice choice = completion.choices().getFirst();
		assertThat(choice.message().content()).hasValue(GeminiMockServer.REPLY);
		assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
		// Gemini's thoughts are billed as output, where OpenAI counts reasoning tokens too.
		CompletionUsage usage = completion.usage().orElseThrow();
		assertThat(usage.promptTokens()).isEqualTo(GeminiMockServer.PROMPT_TOKENS);
		assertThat(usage.completionTokens()).isEqualTo(GeminiMockServer.CANDIDATES_TOKENS + GeminiMockServer.THOUGHTS_TOKENS);
		assertThat(usage.totalTokens()).isEqualTo(GeminiMockServer.PROMPT_TOKENS + GeminiMockServer.CANDIDATES_TOKENS
				+ GeminiMockServer.THOUGHTS_TOKENS);
		assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens())
			.hasValue((long) GeminiMockServer.THOUGHTS_TOKENS);

		RecordedRequest received = gemini.lastRequest();
		assertThat(received.path()).isEqualTo(GENERATE);
		assertThat(received.header("x-goog-api-key")).isEqualTo(GEMINI_KEY);
		assertThat(received.header("Authorization")).isNull();
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"systemInstruction": {"parts": [{"text": "You are terse."}]},
				 "contents": [{"role": "user", "parts": [{"text": "Say hello"}]}],
				 "generationConfig": {"maxOutputTokens": 200}}"""));
	}

	@Test
	void aStreamComesFromGeminisServerSentEventsAndEndsWithTheUsage() {
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat()
			.completions()
			.createStreaming(ChatCompletionCreateParams.builder()
				.model(GEMINI)
				.addUserMessage("Say hello")
				.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
				.build())) {
			chunks = stream.stream().toList();
		}

		assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo(GEMINI));
		assertThat(content(chunks)).isEqualTo(GeminiMockServer.REPLY);
		assertThat(chunks.get(chunks.size() - 2).choices().getFirst().finishReason())
			.hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
		assertThat(chunks.getLast().choices()).isEmpty();
		assertThat(chunks.getLast().usage().orElseThrow().promptTokens()).isEqualTo(GeminiMockServer.PROMPT_TOKENS);
		assertThat(gemini.lastRequest().path())
			.isEqualTo("/v1beta/models/" + GEMINI_ID + ":streamGenerateContent?alt=sse");
	}

	@Test
	void aFunctionCallGoesRoundTripAndTheResultReachesGeminiAsAFunctionResponse() {
		ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder()
			.model(GEMINI)
			.addUserMessage("What is the weather in Paris?")
			.addFunctionTool(WEATHER)
			.build();
		ChatCompletion completion = openAiSdk().chat().completions().create(ask);

		ChatCompletion.Choice choice = completion.choices().getFirst();
		assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
		ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
		assertThat(call.id()).isNotBlank();
		assertThat(call.function().name()).isEqualTo("get_weather");
		assertThat(JSON.readTree(call.function().arguments())).isEqualTo(JSON.readTree(GeminiMockServer.FUNCTION_ARGS));
		assertThat(gemini.lastRequest().json().path("tools")).as("the schema in Gemini's OpenAPI subset")
			.isEqualTo(JSON.readTree("""
					[{"functionDeclarations": [{"name": "get_weather", "description": "The current weather in a city",
					  "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}, "unit": {"type": "STRING"}},
					  "required": ["city"]}}]}]"""));

		ChatCompletion answer = openAiSdk().chat()
			.completions()
			.create(ask.toBuilder()
				.addMessage(choice.message())
				.addMessage(ChatCompletionToolMessageParam.builder()
					.toolCallId(call.id())
					.content("{\"temperature\": 18, \"sky\": \"sunny\"}")
					.build())
				.build());

		assertThat(answer.choices().getFirst().message().content()).hasValue(GeminiMockServer.REPLY);
		JsonNode contents = gemini.lastRequest().json().path("contents");
		assertThat(contents).hasSize(3);
		assertThat(contents.get(1)).as("the call goes back with the signature Gemini gave it").isEqualTo(JSON.readTree("""
				{"role": "model", "parts": [{"functionCall": {"name": "get_weather", "args": %s},
				  "thoughtSignature": "%s"}]}""".formatted(GeminiMockServer.FUNCTION_ARGS,
				GeminiMockServer.THOUGHT_SIGNATURE)));
		assertThat(contents.get(2)).isEqualTo(JSON.readTree("""
				{"role": "user", "parts": [{"functionResponse": {"name": "get_weather",
				  "response": {"temperature": 18, "sky": "sunny"}}}]}"""));
	}

	@Test
	void aStreamedFunctionCallArrivesAsOneCompleteToolCallDelta() {
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat()
			.completions()
			.createStreaming(ChatCompletionCreateParams.builder()
				.model(GEMINI)
				.addUserMessage("What is the weather in Paris?")
				.addFunctionTool(WEATHER)
				.build())) {
			chunks = stream.stream().toList();
		}

		List<ChatCompletionChunk.Choice.Delta.ToolCall> calls = chunks.stream()
			.flatMap(chunk -> chunk.choices().stream())
			.flatMap(choice -> choice.delta().toolCalls().stream().flatMap(List::stream))
			.toList();
		assertThat(calls).singleElement().satisfies(call -> {
			assertThat(call.index()).isZero();
			assertThat(call.id()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
			ChatCompletionChunk.Choice.Delta.ToolCall.Function function = call.function().orElseThrow();
			assertThat(function.name()).hasValue("get_weather");
			assertThat(JSON.readTree(function.arguments().orElseThrow()))
				.isEqualTo(JSON.readTree(GeminiMockServer.FUNCTION_ARGS));
		});
		assertThat(chunks.getLast().choices().getFirst().finishReason())
			.hasValue(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
	}

	@Test
	void geminisErrorsKeepTheirMeaning() {
		gemini.on(GEMINI_ID, GeminiMockServer.error(503, "UNAVAILABLE", "The model is overloaded. Please try again later."));
		assertThatThrownBy(() -> openAiSdk().chat().completions().create(hello()))
			.isInstanceOfSatisfying(InternalServerException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(503);
				assertThat(ex.getMessage()).contains("The model is overloaded");
			});

		gemini.on(GEMINI_ID, GeminiMockServer.error(400, "INVALID_ARGUMENT",
				"* GenerateContentRequest.contents: contents is not specified"));
		assertThatThrownBy(() -> openAiSdk().chat().completions().create(hello()))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getMessage()).contains("contents is not specified"));
		assertThat(gemini.requests()).hasSize(2);
	}

	@Test
	void anErrorInTheMiddleOfGeminisStreamEndsTheStreamWithThatError() {
		gemini.on(GEMINI_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				writer.raw(GeminiMockServer.streamEvent(GEMINI_ID, "Hel"));
				writer.raw("data: {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\","
						+ "\"status\":\"UNAVAILABLE\"}}\r\n\r\n");
			}
		});

		StringBuilder text = new StringBuilder();
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat().completions().createStreaming(hello())) {
			assertThatThrownBy(() -> stream.stream()
				.forEach(chunk -> text.append(chunk.choices().getFirst().delta().content().orElse(""))))
				.isInstanceOf(OpenAIException.class)
				.hasMessageContaining("The model is overloaded.");
		}
		assertThat(text).hasToString("Hel");
	}

	private static ChatCompletionCreateParams hello() {
		return ChatCompletionCreateParams.builder().model(GEMINI).addUserMessage("Say hello").build();
	}

	private static String content(List<ChatCompletionChunk> chunks) {
		return chunks.stream()
			.flatMap(chunk -> chunk.choices().stream())
			.map(choice -> choice.delta().content().orElse(""))
			.collect(Collectors.joining());
	}

}
