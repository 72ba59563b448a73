package dev.meridian.gateway.proxy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionUsage;
import dev.meridian.gateway.testsupport.AnthropicMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.RecordedRequest;
import dev.meridian.gateway.testsupport.OpenAiMockServer.StreamWriter;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenAI Java SDK talking Chat Completions to a model that Anthropic serves. */
class OpenAiSdkToAnthropicTest extends ProviderIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** A base64 PNG, one transparent pixel. */
	private static final String PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

	private static final FunctionDefinition WEATHER = FunctionDefinition.builder()
		.name("get_weather")
		.description("The current weather in a city")
		.parameters(FunctionParameters.builder()
			.putAdditionalProperty("type", JsonValue.from("object"))
			.putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"), "unit",
					Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")))))
			.putAdditionalProperty("required", JsonValue.from(List.of("city")))
			.build())
		.build();

	@Test
	void aChatCompletionIsAnsweredByAnthropicUnderTheRequestedName() {
		HttpResponseFor<ChatCompletion> response = openAiSdk().chat()
			.completions()
			.withRawResponse()
			.create(ChatCompletionCreateParams.builder()
				.model(CLAUDE)
				.addSystemMessage("You are terse.")
				.addUserMessage("Say hello")
				.maxCompletionTokens(256)
				.temperature(1.5)
				.build());
		ChatCompletion completion = response.parse();

		assertThat(completion.model()).isEqualTo(CLAUDE);
		ChatCompletion.Choice choice = completion.choices().getFirst();
		assertThat(choice.message().content()).hasValue(AnthropicMockServer.REPLY);
		assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
		CompletionUsage usage = completion.usage().orElseThrow();
		int prompt = AnthropicMockServer.INPUT_TOKENS + AnthropicMockServer.CACHE_READ_INPUT_TOKENS
				+ AnthropicMockServer.CACHE_CREATION_INPUT_TOKENS;
		assertThat(usage.promptTokens()).isEqualTo(prompt);
		assertThat(usage.completionTokens()).isEqualTo(AnthropicMockServer.OUTPUT_TOKENS);
		assertThat(usage.totalTokens()).isEqualTo(prompt + AnthropicMockServer.OUTPUT_TOKENS);
		assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens())
			.hasValue((long) AnthropicMockServer.CACHE_READ_INPUT_TOKENS);
		assertThat(response.headers().values("x-meridian-provider")).containsExactly("anthropic");
		assertThat(response.headers().values("x-meridian-model")).containsExactly(CLAUDE_ID);

		RecordedRequest received = anthropic.lastRequest();
		assertThat(received.path()).isEqualTo("/v1/messages");
		assertThat(received.header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
		assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(received.header("Authorization")).isNull();
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"model": "%s", "system": "You are terse.", "messages": [{"role": "user", "content": "Say hello"}],
				 "max_tokens": 256, "temperature": 1.0}""".formatted(CLAUDE_ID)));
	}

	@Test
	void aStreamArrivesAsChunksAndEndsWithTheUsageTheClientAskedFor() {
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat()
			.completions()
			.createStreaming(ChatCompletionCreateParams.builder()
				.model(CLAUDE)
				.addUserMessage("Say hello")
				.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
				.build())) {
			chunks = stream.stream().toList();
		}

		assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo(CLAUDE));
		assertThat(content(chunks)).isEqualTo(AnthropicMockServer.REPLY);
		assertThat(chunks.getFirst().choices().getFirst().delta().role())
			.hasValue(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
		ChatCompletionChunk finish = chunks.get(chunks.size() - 2);
		assertThat(finish.choices().getFirst().finishReason()).hasValue(ChatCompletionChunk.Choice.FinishReason.STOP);
		ChatCompletionChunk last = chunks.getLast();
		assertThat(last.choices()).isEmpty();
		CompletionUsage usage = last.usage().orElseThrow();
		assertThat(usage.completionTokens()).isEqualTo(AnthropicMockServer.OUTPUT_TOKENS);
		assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens())
			.hasValue((long) AnthropicMockServer.CACHE_READ_INPUT_TOKENS);

		JsonNode received = anthropic.lastRequest().json();
		assertThat(received.path("stream").asBoolean()).isTrue();
		assertThat(received.has("stream_options")).as("an OpenAI-only field").isFalse();
		assertThat(received.path("max_tokens").asInt()).as("Anthropic requires it").isPositive();
	}

	@Test
	void anErrorEventInTheMiddleOfAnthropicsStreamEndsTheStreamWithAnError() {
		anthropic.on(CLAUDE_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				writer.raw(AnthropicMockServer.streamOpening(CLAUDE_ID, "Hel"));
				writer.raw("event: error\ndata: " + AnthropicMockServer.errorBody("overloaded_error", "Overloaded") + "\n\n");
			}
		});

		StringBuilder text = new StringBuilder();
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat().completions().createStreaming(hello())) {
			assertThatThrownBy(() -> stream.stream()
				.forEach(chunk -> text.append(chunk.choices().getFirst().delta().content().orElse(""))))
				.isInstanceOf(OpenAIException.class)
				.hasMessageContaining("Overloaded");
		}
		assertThat(text).hasToString("Hel");
	}

	@Test
	void aToolCallGoesRoundTripAndTheResultReachesAnthropicAsAToolResult() {
		ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder()
			.model(CLAUDE)
			.addUserMessage("What is the weather in Paris?")
			.addFunctionTool(WEATHER)
			.toolChoice(ChatCompletionToolChoiceOption.Auto.REQUIRED)
			.parallelToolCalls(false)
			.build();
		ChatCompletion completion = openAiSdk().chat().completions().create(ask);

		ChatCompletion.Choice choice = completion.choices().getFirst();
		assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
		assertThat(choice.message().content()).hasValue(AnthropicMockServer.TOOL_PREAMBLE);
		ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
		assertThat(call.id()).isEqualTo(AnthropicMockServer.TOOL_USE_ID);
		assertThat(call.function().name()).isEqualTo("get_weather");
		assertThat(JSON.readTree(call.function().arguments()))
			.isEqualTo(JSON.readTree(AnthropicMockServer.TOOL_INPUT));
		assertThat(anthropic.lastRequest().json().path("tools")).isEqualTo(JSON.readTree("""
				[{"name": "get_weather", "description": "The current weather in a city",
				  "input_schema": {"type": "object", "required": ["city"], "properties": {"city": {"type": "string"},
				  "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}}}}]"""));
		assertThat(anthropic.lastRequest().json().path("tool_choice"))
			.isEqualTo(JSON.readTree("{\"type\": \"any\", \"disable_parallel_tool_use\": true}"));

		ChatCompletion answer = openAiSdk().chat()
			.completions()
			.create(ask.toBuilder()
				.addMessage(choice.message())
				.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("18°C, sunny").build())
				.build());

		assertThat(answer.choices().getFirst().message().content()).hasValue(AnthropicMockServer.REPLY);
		JsonNode messages = anthropic.lastRequest().json().path("messages");
		assertThat(messages).isEqualTo(JSON.readTree("""
				[{"role": "user", "content": "What is the weather in Paris?"},
				 {"role": "assistant", "content": [{"type": "text", "text": "%s"},
				   {"type": "tool_use", "id": "%s", "name": "get_weather", "input": %s}]},
				 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "%s", "content": "18°C, sunny"}]}]"""
			.formatted(AnthropicMockServer.TOOL_PREAMBLE, call.id(), AnthropicMockServer.TOOL_INPUT, call.id())));
	}

	@Test
	void aStreamedToolCallArrivesAsOpenAiToolCallDeltas() {
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat()
			.completions()
			.createStreaming(ChatCompletionCreateParams.builder()
				.model(CLAUDE)
				.addUserMessage("What is the weather in Paris?")
				.addFunctionTool(WEATHER)
				.build())) {
			chunks = stream.stream().toList();
		}

		List<ChatCompletionChunk.Choice.Delta.ToolCall> calls = chunks.stream()
			.flatMap(chunk -> chunk.choices().stream())
			.flatMap(choice -> choice.delta().toolCalls().stream().flatMap(List::stream))
			.toList();
		assertThat(calls).hasSizeGreaterThan(2).allSatisfy(call -> assertThat(call.index()).isZero());
		assertThat(calls.getFirst().id()).hasValue(AnthropicMockServer.TOOL_USE_ID);
		assertThat(calls.getFirst().function().orElseThrow().name()).hasValue("get_weather");
		String arguments = calls.stream()
			.map(call -> call.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments).orElse(""))
			.collect(Collectors.joining());
		assertThat(JSON.readTree(arguments)).isEqualTo(JSON.readTree(AnthropicMockServer.TOOL_INPUT));
		assertThat(content(chunks)).isEqualTo(AnthropicMockServer.TOOL_PREAMBLE);
		assertThat(chunks.getLast().choices().getFirst().finishReason())
			.hasValue(ChatCompletionChunk.Choice.FinishReason.TOOL_CALLS);
	}

	@Test
	void aBase64ImageReachesAnthropicAsABase64Source() {
		ChatCompletion completion = openAiSdk().chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model(CLAUDE)
				.addUserMessageOfArrayOfContentParts(List.of(
						ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text("What is this?").build()),
						ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
							.imageUrl(ChatCompletionContentPartImage.ImageUrl.builder()
								.url("data:image/png;base64," + PIXEL)
								.build())
							.build())))
				.build());

		assertThat(completion.choices().getFirst().message().content()).hasValue(AnthropicMockServer.REPLY);
		assertThat(anthropic.lastRequest().json().path("messages")).isEqualTo(JSON.readTree("""
				[{"role": "user", "content": [{"type": "text", "text": "What is this?"},
				  {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "%s"}}]}]"""
			.formatted(PIXEL)));
	}

	@Test
	void anOverloadedAnthropicReachesTheSdkAsA503() {
		anthropic.on(CLAUDE_ID, AnthropicMockServer.error(529, "overloaded_error", "Overloaded"));

		assertThatThrownBy(() -> openAiSdk().chat().completions().create(hello()))
			.isInstanceOfSatisfying(InternalServerException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(503);
				assertThat(ex.code()).hasValue("overloaded");
				assertThat(ex.getMessage()).contains("Overloaded");
			});
		assertThat(anthropic.requests()).as("no retry behind the client's back").hasSize(1);
	}

	@Test
	void anInvalidRequestKeepsAnthropicsStatusAndMessage() {
		anthropic.on(CLAUDE_ID, AnthropicMockServer.error(400, "invalid_request_error",
				"messages.0.content: text content blocks must be non-empty"));

		assertThatThrownBy(() -> openAiSdk().chat().completions().create(hello()))
			.isInstanceOfSatisfying(BadRequestException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("text content blocks must be non-empty");
			});
	}

	private static ChatCompletionCreateParams hello() {
		return ChatCompletionCreateParams.builder().model(CLAUDE).addUserMessage("Say hello").build();
	}

	private static String content(List<ChatCompletionChunk> chunks) {
		return chunks.stream()
			.flatMap(chunk -> chunk.choices().stream())
			.map(choice -> choice.delta().content().orElse(""))
			.collect(Collectors.joining());
	}

}
