package dev.meridian.gateway.proxy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.openai.core.JsonValue;
import com.openai.models.ChatModel;
import com.openai.models.ResponsesModel;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseTextDeltaEvent;
import com.openai.models.responses.ResponseUsage;
import dev.meridian.gateway.testsupport.AnthropicMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.RecordedRequest;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import dev.meridian.gateway.testsupport.ResponsesAnswers;
import dev.meridian.gateway.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official OpenAI Java SDK on the Responses API: translated through Chat Completions for
 * models an OpenAI-compatible server or Anthropic serves, forwarded as it is to a provider of type
 * {@code openai}.
 */
class ResponsesApiTest extends ProviderIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** The SDK reads a model name it knows as one of its own constants. */
	private static final ResponsesModel GPT_4O = ResponsesModel.ofChat(ChatModel.of(GPT));

	private static final FunctionTool WEATHER = FunctionTool.builder()
		.name("get_weather")
		.description("The current weather in a city")
		.parameters(FunctionTool.Parameters.builder()
			.putAdditionalProperty("type", JsonValue.from("object"))
			.putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
			.putAdditionalProperty("required", JsonValue.from(List.of("city")))
			.build())
		.strict(false)
		.build();

	@Test
	void aResponseFromAChatServerIsTranslatedBothWays() {
		Response response = openAiSdk().responses()
			.create(ResponseCreateParams.builder()
				.model(LLAMA)
				.instructions("Be brief.")
				.input("Say hello")
				.maxOutputTokens(100)
				.build());

		assertThat(response.model().asString()).isEqualTo(LLAMA);
		assertThat(response.status()).hasValue(ResponseStatus.COMPLETED);
		assertThat(response.output()).singleElement()
			.satisfies(item -> assertThat(text(item)).isEqualTo(OpenAiMockServer.REPLY));
		ResponseUsage usage = response.usage().orElseThrow();
		assertThat(usage.inputTokens()).isEqualTo(19);
		assertThat(usage.inputTokensDetails().cachedTokens()).isEqualTo(4);
		assertThat(usage.outputTokens()).isEqualTo(10);
		assertThat(usage.totalTokens()).isEqualTo(29);

		RecordedRequest received = openAi.lastRequest();
		assertThat(received.path()).isEqualTo("/v1/chat/completions");
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + COMPATIBLE_KEY);
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"model": "%s", "max_tokens": 100, "messages": [{"role": "system", "content": "Be brief."},
				 {"role": "user", "content": "Say hello"}]}""".formatted(LLAMA_ID)));
	}

	@Test
	void aStreamOfChatChunksBecomesTheResponsesEventSequence() {
		List<ResponseStreamEvent> events;
		try (StreamResponse<ResponseStreamEvent> stream = openAiSdk().responses()
			.createStreaming(ResponseCreateParams.builder().model(LLAMA).input("Say hello").build())) {
			events = stream.stream().toList();
		}

		assertThat(events.getFirst().isCreated()).isTrue();
		assertThat(events.getFirst().asCreated().response().model().asString()).isEqualTo(LLAMA);
		assertThat(deltas(events)).isEqualTo(OpenAiMockServer.REPLY);
		assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDone)).singleElement()
			.satisfies(event -> assertThat(event.asOutputTextDone().text()).isEqualTo(OpenAiMockServer.REPLY));
		Response completed = events.getLast().asCompleted().response();
		assertThat(completed.status()).hasValue(ResponseStatus.COMPLETED);
		assertThat(text(completed.output().getFirst())).isEqualTo(OpenAiMockServer.REPLY);
		assertThat(completed.usage().orElseThrow().outputTokens()).isEqualTo(OpenAiMockServer.REPLY_PIECES.size());

		JsonNode received = openAi.lastRequest().json();
		assertThat(received.path("stream").asBoolean()).isTrue();
		assertThat(received.path("stream_options").path("include_usage").asBoolean())
			.as("response.completed must carry the usage").isTrue();
	}

	@Test
	void aStreamedResponseFromAnthropicCarriesItsCacheUsage() {
		List<ResponseStreamEvent> events;
		try (StreamResponse<ResponseStreamEvent> stream = openAiSdk().responses()
			.createStreaming(ResponseCreateParams.builder().model(CLAUDE).instructions("Be brief.").input("Say hello").build())) {
			events = stream.stream().toList();
		}

		assertThat(deltas(events)).isEqualTo(AnthropicMockServer.REPLY);
		Response completed = events.getLast().asCompleted().response();
		assertThat(completed.model().asString()).isEqualTo(CLAUDE);
		ResponseUsage usage = completed.usage().orElseThrow();
		assertThat(usage.inputTokens()).isEqualTo(AnthropicMockServer.INPUT_TOKENS
				+ AnthropicMockServer.CACHE_READ_INPUT_TOKENS + AnthropicMockServer.CACHE_CREATION_INPUT_TOKENS);
		assertThat(usage.inputTokensDetails().cachedTokens()).isEqualTo(AnthropicMockServer.CACHE_READ_INPUT_TOKENS);
		assertThat(usage.outputTokens()).isEqualTo(AnthropicMockServer.OUTPUT_TOKENS);
		JsonNode received = anthropic.lastRequest().json();
		assertThat(received.path("system").asString()).isEqualTo("Be brief.");
		assertThat(received.path("stream").asBoolean()).isTrue();
	}

	@Test
	void aFunctionCallGoesRoundTripAndItsOutputReachesTheChatServerAsAToolMessage() {
		EasyInputMessage question = EasyInputMessage.builder()
			.role(EasyInputMessage.Role.USER)
			.content("What is the weather in Paris?")
			.build();
		ResponseCreateParams ask = ResponseCreateParams.builder()
			.model(LLAMA)
			.inputOfResponse(List.of(ResponseInputItem.ofEasyInputMessage(question)))
			.addTool(WEATHER)
			.build();
		Response response = openAiSdk().responses().create(ask);

		ResponseFunctionToolCall call = response.output().stream()
			.flatMap(item -> item.functionCall().stream())
			.findFirst()
			.orElseThrow();
		assertThat(call.callId()).isEqualTo(OpenAiMockServer.TOOL_CALL_ID);
		assertThat(call.name()).isEqualTo("get_weather");
		assertThat(JSON.readTree(call.arguments())).isEqualTo(JSON.readTree(OpenAiMockServer.TOOL_ARGUMENTS));
		assertThat(openAi.lastRequest().json().path("tools")).isEqualTo(JSON.readTree("""
				[{"type": "function", "function": {"name": "get_weather", "description": "The current weather in a city",
				  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
				  "strict": false}}]"""));

		Response answer = openAiSdk().responses()
			.create(ask.toBuilder()
				.inputOfResponse(List.of(ResponseInputItem.ofEasyInputMessage(question),
						ResponseInputItem.ofFunctionCall(call),
						ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
							.callId(call.callId())
							.output("18°C, sunny")
							.build())))
				.build());

		assertThat(text(answer.output().getFirst())).isEqualTo(OpenAiMockServer.REPLY);
		JsonNode messages = openAi.lastRequest().json().path("messages");
		assertThat(messages).isEqualTo(JSON.readTree("""
				[{"role": "user", "content": "What is the weather in Paris?"},
				 {"role": "assistant", "content": null, "tool_calls": [{"id": "%1$s", "type": "function",
				   "function": {"name": "get_weather", "arguments": %2$s}}]},
				 {"role": "tool", "tool_call_id": "%1$s", "content": "18°C, sunny"}]"""
			.formatted(call.callId(), JSON.writeValueAsString(call.arguments()))));
	}

	@Test
	void aResponseForAnOpenAiModelIsForwardedToOpenAisResponsesApi() {
		HttpResponseFor<Response> raw = openAiSdk().responses()
			.withRawResponse()
			.create(ResponseCreateParams.builder().model(GPT).instructions("Be brief.").input("Say hello").build());
		Response response = raw.parse();

		assertThat(response.id()).isEqualTo(ResponsesAnswers.RESPONSE_ID);
		assertThat(response.model()).isEqualTo(GPT_4O);
		assertThat(text(response.output().getFirst())).isEqualTo(OpenAiMockServer.REPLY);
		assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(ResponsesAnswers.OUTPUT_TOKENS);
		assertThat(raw.headers().values("x-meridian-provider")).containsExactly("openai");

		RecordedRequest received = openAi.lastRequest();
		assertThat(received.path()).isEqualTo("/v1/responses");
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"model": "%s", "instructions": "Be brief.", "input": "Say hello"}""".formatted(GPT)));
	}

	@Test
	void aResponsesStreamForAnOpenAiModelIsRelayedEventForEvent() throws Exception {
		String body = "{\"model\":\"" + GPT + "\",\"input\":\"Say hello\",\"stream\":true}";
		HttpResponse<String> direct = send(
				TestHttp.request(openAi.baseUrl() + "/responses").POST(HttpRequest.BodyPublishers.ofString(body)).build());
		HttpResponse<String> relayed = send(post("/v1/responses", body));

		assertThat(relayed.statusCode()).isEqualTo(200);
		String upstreamModel = "\"model\":\"" + GPT + OpenAiMockServer.MODEL_SUFFIX + "\"";
		assertThat(direct.body()).contains(upstreamModel);
		assertThat(relayed.body()).isEqualTo(direct.body().replace(upstreamModel, "\"model\":\"" + GPT + "\""));
		assertThat(openAi.lastRequest().body()).isEqualTo(body);

		List<ResponseStreamEvent> events;
		try (StreamResponse<ResponseStreamEvent> stream = openAiSdk().responses()
			.createStreaming(ResponseCreateParams.builder().model(GPT).input("Say hello").build())) {
			events = stream.stream().toList();
		}
		assertThat(deltas(events)).isEqualTo(OpenAiMockServer.REPLY);
		assertThat(events.getLast().asCompleted().response().model()).isEqualTo(GPT_4O);
	}

	private static String text(ResponseOutputItem item) {
		return item.asMessage().content().getFirst().asOutputText().text();
	}

	private static String deltas(List<ResponseStreamEvent> events) {
		return events.stream()
			.flatMap(event -> event.outputTextDelta().stream())
			.map(ResponseTextDeltaEvent::delta)
			.collect(Collectors.joining());
	}

}
