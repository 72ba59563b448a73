package dev.meridian.gateway.proxy;

import java.util.List;
import java.util.Map;

import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorType;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.RecordedRequest;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official Anthropic Java SDK talking the Messages API to a model an OpenAI-compatible server serves. */
class AnthropicSdkToOpenAiTest extends ProviderIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Tool WEATHER = Tool.builder()
		.name("get_weather")
		.description("The current weather in a city")
		.inputSchema(Tool.InputSchema.builder()
			.properties(Tool.InputSchema.Properties.builder()
				.putAdditionalProperty("city", JsonValue.from(Map.of("type", "string")))
				.putAdditionalProperty("unit", JsonValue.from(Map.of("type", "string")))
				.build())
			.addRequired("city")
			.build())
		.build();

	private static final JsonValue WEATHER_INPUT = JsonValue.from(Map.of("city", "Paris", "unit", "celsius"));

	@Test
	void aMessageIsAnsweredByTheOpenAiCompatibleServer() {
		Message message = anthropicSdk().messages()
			.create(MessageCreateParams.builder()
				.model(LLAMA)
				.maxTokens(300)
				.system("Be brief.")
				.addUserMessage("Say hello")
				.stopSequences(List.of("END"))
				.build());

		assertThat(message.model().asString()).isEqualTo(LLAMA);
		assertThat(message.id()).startsWith("msg_");
		assertThat(message.content()).singleElement()
			.satisfies(block -> assertThat(block.text().orElseThrow().text()).isEqualTo(OpenAiMockServer.REPLY));
		assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
		// OpenAI counts cached tokens inside prompt_tokens (19, 4 cached); Anthropic apart from input_tokens.
		assertThat(message.usage().inputTokens()).isEqualTo(15);
		assertThat(message.usage().cacheReadInputTokens()).hasValue(4L);
		assertThat(message.usage().outputTokens()).isEqualTo(10);

		RecordedRequest received = openAi.lastRequest();
		assertThat(received.path()).isEqualTo("/v1/chat/completions");
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + COMPATIBLE_KEY);
		assertThat(received.header("x-api-key")).isNull();
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"model": "%s", "max_tokens": 300, "stop": ["END"], "messages": [
				  {"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}]}"""
			.formatted(LLAMA_ID)));
	}

	@Test
	void aStreamAccumulatesIntoTheWholeMessageWithItsStopReasonAndUsage() {
		MessageAccumulator accumulator = MessageAccumulator.create();
		List<RawMessageStreamEvent> events;
		try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk().messages()
			.createStreaming(MessageCreateParams.builder().model(LLAMA).maxTokens(300).addUserMessage("Say hello").build())) {
			events = stream.stream().map(accumulator::accumulate).toList();
		}

		assertThat(events.getFirst().isMessageStart()).isTrue();
		assertThat(events.getLast().isMessageStop()).isTrue();
		assertThat(events.stream().filter(RawMessageStreamEvent::isMessageDelta)).singleElement()
			.satisfies(event -> assertThat(event.asMessageDelta().usage().outputTokens())
				.isEqualTo(OpenAiMockServer.REPLY_PIECES.size()));
		Message message = accumulator.message();
		assertThat(message.model().asString()).isEqualTo(LLAMA);
		assertThat(message.content()).singleElement()
			.satisfies(block -> assertThat(block.text().orElseThrow().text()).isEqualTo(OpenAiMockServer.REPLY));
		assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
		assertThat(message.usage().outputTokens()).isEqualTo(OpenAiMockServer.REPLY_PIECES.size());
		assertThat(message.usage().inputTokens()).as("known only at the end of an OpenAI stream").isEqualTo(19);

		JsonNode received = openAi.lastRequest().json();
		assertThat(received.path("stream").asBoolean()).isTrue();
		assertThat(received.path("stream_options").path("include_usage").asBoolean())
			.as("message_delta must carry the usage").isTrue();
	}

	@Test
	void aToolUseGoesRoundTripAndTheResultReachesTheServerAsAToolMessage() {
		MessageCreateParams ask = MessageCreateParams.builder()
			.model(LLAMA)
			.maxTokens(300)
			.addUserMessage("What is the weather in Paris?")
			.addTool(WEATHER)
			.build();
		Message message = anthropicSdk().messages().create(ask);

		assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
		ToolUseBlock toolUse = message.content().stream().flatMap(block -> block.toolUse().stream()).findFirst()
			.orElseThrow();
		assertThat(toolUse.id()).isEqualTo(OpenAiMockServer.TOOL_CALL_ID);
		assertThat(toolUse.name()).isEqualTo("get_weather");
		assertThat(toolUse._input()).isEqualTo(WEATHER_INPUT);
		assertThat(openAi.lastRequest().json().path("tools")).isEqualTo(JSON.readTree("""
				[{"type": "function", "function": {"name": "get_weather", "description": "The current weather in a city",
				  "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "unit": {"type": "string"}},
				  "required": ["city"]}}}]"""));

		Message answer = anthropicSdk().messages()
			.create(ask.toBuilder()
				.addMessage(message)
				.addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
						ToolResultBlockParam.builder().toolUseId(toolUse.id()).content("18°C, sunny").build())))
				.build());

		assertThat(answer.content().getFirst().text().orElseThrow().text()).isEqualTo(OpenAiMockServer.REPLY);
		JsonNode messages = openAi.lastRequest().json().path("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(1).path("role").asString()).isEqualTo("assistant");
		JsonNode call = messages.get(1).path("tool_calls").path(0);
		assertThat(call.path("id").asString()).isEqualTo(toolUse.id());
		assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
		assertThat(JSON.readTree(call.path("function").path("arguments").asString()))
			.isEqualTo(JSON.readTree(OpenAiMockServer.TOOL_ARGUMENTS));
		assertThat(messages.get(2)).isEqualTo(JSON.readTree("""
				{"role": "tool", "tool_call_id": "%s", "content": "18°C, sunny"}""".formatted(toolUse.id())));
	}

	@Test
	void aStreamedToolUseAccumulatesItsInputFromTheArgumentPieces() {
		MessageAccumulator accumulator = MessageAccumulator.create();
		try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk().messages()
			.createStreaming(MessageCreateParams.builder()
				.model(LLAMA)
				.maxTokens(300)
				.addUserMessage("What is the weather in Paris?")
				.addTool(WEATHER)
				.build())) {
			stream.stream().forEach(accumulator::accumulate);
		}

		Message message = accumulator.message();
		assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
		assertThat(message.content()).singleElement().satisfies(block -> {
			ToolUseBlock toolUse = block.toolUse().orElseThrow();
			assertThat(toolUse.id()).isEqualTo(OpenAiMockServer.TOOL_CALL_ID);
			assertThat(toolUse.name()).isEqualTo("get_weather");
			assertThat(toolUse._input()).isEqualTo(WEATHER_INPUT);
		});
	}

	@Test
	void anUnknownModelIsAnAnthropicNotFoundError() {
		assertThatThrownBy(() -> anthropicSdk().messages()
			.create(MessageCreateParams.builder().model("claude-nope").maxTokens(10).addUserMessage("Hi").build()))
			.isInstanceOfSatisfying(NotFoundException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.type()).hasValue(ErrorType.NOT_FOUND_ERROR);
				assertThat(ex.getMessage()).contains("claude-nope");
			});
		assertThat(openAi.requests()).isEmpty();
	}

	@Test
	void theServersRateLimitIsAnAnthropicRateLimitError() {
		openAi.on(LLAMA_ID, (exchange, request) -> OpenAiMockServer.sendJson(exchange, 429,
				OpenAiMockServer.error("Rate limit reached for requests", "requests", "rate_limit_exceeded")));

		assertThatThrownBy(() -> anthropicSdk().messages()
			.create(MessageCreateParams.builder().model(LLAMA).maxTokens(10).addUserMessage("Hi").build()))
			.isInstanceOfSatisfying(RateLimitException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(429);
				assertThat(ex.type()).hasValue(ErrorType.RATE_LIMIT_ERROR);
				assertThat(ex.getMessage()).contains("Rate limit reached for requests");
			});
	}

}
