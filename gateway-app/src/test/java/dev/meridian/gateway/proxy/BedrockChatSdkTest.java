package dev.meridian.gateway.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.meridian.gateway.testsupport.BedrockIntegrationTest;
import dev.meridian.gateway.testsupport.BedrockMockServer;
import dev.meridian.gateway.testsupport.EventStreamFrames;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenAI Java SDK calling a Claude model on AWS Bedrock through Meridian. */
class BedrockChatSdkTest extends BedrockIntegrationTest {

	/** How Bedrock's API paths carry the model id: one path segment, its ':' percent-encoded. */
	private static final String CLAUDE_PATH = "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/";

	private static final String TOOL_USE_ID = "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q";

	private static final JsonMapper JSON = JsonMapper.shared();

	private static ChatCompletionCreateParams.Builder chat(String model) {
		return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello");
	}

	@Test
	void chatCompletionComesBackUnderTheRequestedNameFromASignedConverseCall() {
		HttpResponseFor<ChatCompletion> response = openAi().chat()
			.completions()
			.withRawResponse()
			.create(chat("claude-haiku").addSystemMessage("Answer in French.")
				.maxCompletionTokens(200)
				.temperature(0.3)
				.build());
		ChatCompletion completion = response.parse();

		assertThat(completion.model()).isEqualTo("claude-haiku");
		assertThat(completion.choices().getFirst().message().content()).hasValue(BedrockMockServer.REPLY);
		assertThat(completion.choices().getFirst().finishReason().asString()).isEqualTo("stop");
		assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(12);
		assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(9);
		assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(21);
		assertThat(response.headers().values("x-meridian-model")).containsExactly(CLAUDE);
		assertThat(response.headers().values("x-meridian-provider")).containsExactly("bedrock");
		// 12 prompt tokens at 0.80 and 9 completion tokens at 4.00 per million, the catalog's Bedrock prices
		assertThat(response.headers().values("x-meridian-cost-usd")).containsExactly("0.0000456");

		BedrockMockServer.RecordedRequest received = bedrock.lastRequest();
		assertThat(received.rawPath()).isEqualTo(CLAUDE_PATH + "converse");
		assertThat(received.modelId()).isEqualTo(CLAUDE);
		assertThat(received.signatureVerified()).isTrue();
		assertThat(received.header("Authorization"))
			.matches("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/\\d{8}/eu-west-3/bedrock/aws4_request, "
					+ "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, "
					+ "Signature=[0-9a-f]{64}");
		assertThat(received.header("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"messages":[{"role":"user","content":[{"text":"Say hello"}]}],
				 "system":[{"text":"Answer in French."}],
				 "inferenceConfig":{"maxTokens":200,"temperature":0.3}}"""));
	}

	@Test
	void anInferenceProfileArnTravelsAsOneEncodedPathSegmentThatTheSignatureCovers() {
		ChatCompletion completion = openAi().chat().completions().create(chat("claude-sonnet-eu").build());

		assertThat(completion.model()).isEqualTo("claude-sonnet-eu");
		assertThat(completion.choices().getFirst().message().content()).hasValue(BedrockMockServer.REPLY);
		BedrockMockServer.RecordedRequest received = bedrock.lastRequest();
		assertThat(received.rawPath()).isEqualTo("/model/arn%3Aaws%3Abedrock%3Aeu-west-3%3A123456789012%3A"
				+ "inference-profile%2Feu.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse");
		assertThat(received.modelId()).isEqualTo(SONNET_PROFILE);
		assertThat(received.signatureVerified()).isTrue();
	}

	@Test
	void bedrockRefusesARequestSignedWithASecretThatNoLongerMatchesAndTheClientSeesAnUpstreamFailure() {
		assertThatThrownBy(() -> openAi().chat().completions().create(chat("claude-haiku-old-secret").build()))
			.isInstanceOfSatisfying(InternalServerException.class, ex -> {
				assertThat(ex.statusCode()).isEqualTo(502);
				assertThat(ex.code()).hasValue("upstream_auth_failed");
				assertThat(ex.getMessage()).contains("InvalidSignatureException",
						"The request signature we calculated does not match");
			});
		assertThat(bedrock.requests()).singleElement()
			.satisfies(received -> assertThat(received.signatureVerified()).isFalse());
	}

	@Test
	void streamIsAssembledFromEventStreamFramesSplitAcrossWritesAndEndsWithTheUsageAskedFor() {
		List<ChatCompletionChunk> chunks = stream(chat("claude-haiku")
			.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
			.build());

		// the role, five pieces, the finish reason, the usage
		assertThat(chunks).hasSize(8);
		assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo("claude-haiku"));
		assertThat(content(chunks)).isEqualTo(String.join("", BedrockMockServer.STREAMED_REPLY));
		assertThat(chunks.get(6).choices().getFirst().finishReason())
			.hasValueSatisfying(reason -> assertThat(reason.asString()).isEqualTo("stop"));
		ChatCompletionChunk last = chunks.getLast();
		assertThat(last.choices()).isEmpty();
		assertThat(last.usage().orElseThrow().promptTokens()).isEqualTo(12);
		assertThat(last.usage().orElseThrow().completionTokens()).isEqualTo(5);
		assertThat(last.usage().orElseThrow().totalTokens()).isEqualTo(17);

		BedrockMockServer.RecordedRequest received = bedrock.lastRequest();
		assertThat(received.rawPath()).isEqualTo(CLAUDE_PATH + "converse-stream");
		assertThat(received.header("Accept")).isEqualTo("application/vnd.amazon.eventstream");
		assertThat(received.signatureVerified()).isTrue();
		assertThat(received.json()).isEqualTo(JSON.readTree("""
				{"messages":[{"role":"user","content":[{"text":"Say hello"}]}]}"""));
	}

	@Test
	void streamWithoutUsageAskedForLeavesOutTheUsageBedrockAlwaysSends() {
		List<ChatCompletionChunk> chunks = stream(chat("claude-haiku").build());

		assertThat(chunks).hasSize(7);
		assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.choices()).isNotEmpty());
		assertThat(content(chunks)).isEqualTo(String.join("", BedrockMockServer.STREAMED_REPLY));
		assertThat(bedrock.lastRequest().rawPath()).isEqualTo(CLAUDE_PATH + "converse-stream");
		assertThat(bedrock.lastRequest().signatureVerified()).isTrue();
	}

	@Test
	void toolCallRoundTripBecomesToolUseAndToolResultBlocks() {
		bedrock.on(CLAUDE, (exchange, request) -> {
			if (request.json().path("messages").size() == 1) {
				BedrockMockServer.converse(exchange, """
						[{"text":"Let me look that up."},
						 {"toolUse":{"toolUseId":"%s","name":"get_weather","input":{"city":"Paris"}}}]"""
					.formatted(TOOL_USE_ID), "tool_use");
			}
			else {
				BedrockMockServer.converse(exchange, "[{\"text\":\"It is 18 degrees and sunny in Paris.\"}]", "end_turn");
			}
		});
		ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
			.model("claude-haiku")
			.addUserMessage("What is the weather in Paris?")
			.addFunctionTool(weatherTool());

		ChatCompletion first = openAi().chat().completions().create(conversation.build());

		ChatCompletionMessage call = first.choices().getFirst().message();
		assertThat(first.choices().getFirst().finishReason().asString()).isEqualTo("tool_calls");
		assertThat(call.content()).hasValue("Let me look that up.");
		ChatCompletionMessageFunctionToolCall toolCall = call.toolCalls().orElseThrow().getFirst().asFunction();
		assertThat(toolCall.id()).isEqualTo(TOOL_USE_ID);
		assertThat(toolCall.function().name()).isEqualTo("get_weather");
		assertThat(JSON.readTree(toolCall.function().arguments())).isEqualTo(JSON.readTree("{\"city\":\"Paris\"}"));
		assertThat(bedrock.lastRequest().json().path("toolConfig")).isEqualTo(JSON.readTree("""
				{"tools":[{"toolSpec":{"name":"get_weather","description":"Current weather for a city",
				  "inputSchema":{"json":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}}]}"""));

		ChatCompletion answer = openAi().chat()
			.completions()
			.create(conversation.addMessage(call)
				.addMessage(ChatCompletionToolMessageParam.builder()
					.toolCallId(toolCall.id())
					.content("18 degrees, sunny")
					.build())
				.build());

		assertThat(answer.choices().getFirst().message().content()).hasValue("It is 18 degrees and sunny in Paris.");
		BedrockMockServer.RecordedRequest received = bedrock.lastRequest();
		assertThat(received.signatureVerified()).isTrue();
		assertThat(received.json().path("messages")).isEqualTo(JSON.readTree("""
				[{"role":"user","content":[{"text":"What is the weather in Paris?"}]},
				 {"role":"assistant","content":[{"text":"Let me look that up."},
				   {"toolUse":{"toolUseId":"%1$s","name":"get_weather","input":{"city":"Paris"}}}]},
				 {"role":"user","content":[{"toolResult":{"toolUseId":"%1$s","content":[{"text":"18 degrees, sunny"}]}}]}]"""
			.formatted(TOOL_USE_ID)));
		assertThat(received.json().path("toolConfig").path("tools").size()).isEqualTo(1);
	}

	@Test
	void streamedToolUseArrivesAsToolCallDeltasWhoseArgumentsAddUp() {
		bedrock.on(CLAUDE, (exchange, request) -> {
			List<byte[]> frames = new ArrayList<>();
			frames.add(EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}"));
			frames.add(BedrockMockServer.textDelta(0, "Let me check."));
			frames.add(EventStreamFrames.event("contentBlockStop", "{\"contentBlockIndex\":0}"));
			frames.add(EventStreamFrames.event("contentBlockStart", """
					{"contentBlockIndex":1,"start":{"toolUse":{"toolUseId":"%s","name":"get_weather"}}}"""
				.formatted(TOOL_USE_ID)));
			for (String piece : List.of("{\"city\":", " \"Pa", "ris\"}")) {
				frames.add(EventStreamFrames.event("contentBlockDelta", "{\"contentBlockIndex\":1,"
						+ "\"delta\":{\"toolUse\":{\"input\":" + JSON.writeValueAsString(piece) + "}}}"));
			}
			frames.add(EventStreamFrames.event("contentBlockStop", "{\"contentBlockIndex\":1}"));
			frames.addAll(BedrockMockServer.end("tool_use", 24));
			EventStreamFrames.send(exchange, frames);
		});

		List<ChatCompletionChunk> chunks = stream(ChatCompletionCreateParams.builder()
			.model("claude-haiku")
			.addUserMessage("What is the weather in Paris?")
			.addFunctionTool(weatherTool())
			.build());

		assertThat(content(chunks)).isEqualTo("Let me check.");
		List<ChatCompletionChunk.Choice.Delta.ToolCall> calls = chunks.stream()
			.flatMap(chunk -> chunk.choices().stream())
			.flatMap(choice -> choice.delta().toolCalls().orElse(List.of()).stream())
			.toList();
		assertThat(calls).allSatisfy(call -> assertThat(call.index()).isZero());
		assertThat(calls.getFirst().id()).hasValue(TOOL_USE_ID);
		assertThat(calls.getFirst().function().orElseThrow().name()).hasValue("get_weather");
		assertThat(calls.stream()
			.map(call -> call.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::arguments).orElse(""))
			.collect(Collectors.joining())).isEqualTo("{\"city\": \"Paris\"}");
		assertThat(chunks.getLast().choices().getFirst().finishReason())
			.hasValueSatisfying(reason -> assertThat(reason.asString()).isEqualTo("tool_calls"));
		assertThat(bedrock.lastRequest().rawPath()).isEqualTo(CLAUDE_PATH + "converse-stream");
		assertThat(bedrock.lastRequest().json().path("toolConfig").path("tools").path(0).path("toolSpec").path("name")
			.asString()).isEqualTo("get_weather");
	}

	@Test
	void anExceptionFrameInTheMiddleOfTheStreamReachesTheSdkAsAnErrorAfterWhatCameBefore() {
		bedrock.on(CLAUDE, (exchange, request) -> EventStreamFrames.send(exchange,
				List.of(EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}"),
						BedrockMockServer.textDelta(0, "Bonjour"), EventStreamFrames.exception("throttlingException",
								"Too many tokens, please wait before trying again."))));
		List<String> received = new ArrayList<>();

		assertThatThrownBy(() -> {
			try (StreamResponse<ChatCompletionChunk> stream = openAi().chat()
				.completions()
				.createStreaming(chat("claude-haiku").build())) {
				stream.stream().forEach(chunk -> received.add(content(List.of(chunk))));
			}
		}).isInstanceOfSatisfying(SseException.class, ex -> {
			assertThat(ex.getMessage()).contains("Too many tokens, please wait before trying again.");
			assertThat(ex.code()).hasValue("rate_limit_exceeded");
		});
		assertThat(String.join("", received)).isEqualTo("Bonjour");
		assertThat(bedrock.lastRequest().rawPath()).isEqualTo(CLAUDE_PATH + "converse-stream");
		assertThat(bedrock.lastRequest().signatureVerified()).isTrue();
	}

	@Test
	void aThrottlingExceptionBeforeAnyAnswerIsTheSdksRateLimitExceptionStreamingOrNot() {
		bedrock.on(CLAUDE, (exchange, request) -> BedrockMockServer.error(exchange, 429, "ThrottlingException",
				"Too many requests, please wait before trying again."));

		assertThatThrownBy(() -> openAi().chat().completions().create(chat("claude-haiku").build()))
			.isInstanceOfSatisfying(RateLimitException.class, ex -> {
				assertThat(ex.code()).hasValue("rate_limit_exceeded");
				assertThat(ex.getMessage()).contains("Too many requests, please wait before trying again.");
			});
		assertThatThrownBy(() -> stream(chat("claude-haiku").build())).isInstanceOf(RateLimitException.class);
		assertThat(bedrock.requests()).extracting(BedrockMockServer.RecordedRequest::operation)
			.containsExactly("converse", "converse-stream");
	}

	private List<ChatCompletionChunk> stream(ChatCompletionCreateParams params) {
		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(params)) {
			return stream.stream().toList();
		}
	}

	private static FunctionDefinition weatherTool() {
		return FunctionDefinition.builder()
			.name("get_weather")
			.description("Current weather for a city")
			.parameters(FunctionParameters.builder()
				.putAdditionalProperty("type", JsonValue.from("object"))
				.putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
				.putAdditionalProperty("required", JsonValue.from(List.of("city")))
				.build())
			.build();
	}

	private static String content(List<ChatCompletionChunk> chunks) {
		return chunks.stream()
			.flatMap(chunk -> chunk.choices().stream())
			.map(choice -> choice.delta().content().orElse(""))
			.collect(Collectors.joining());
	}

}
