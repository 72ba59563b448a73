package dev.meridian.gateway.provider.bedrock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.testsupport.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BedrockStreamTranslatorTest {

	private static final String CHUNK = """
			{"id":"chatcmpl-9","object":"chat.completion.chunk","created":1700000001,"model":"claude-sonnet",%s}""";

	@Test
	void aStreamWithTextAndToolUsesBecomesOpenAiChunksWhereverTheBytesSplit() {
		List<JsonNode> expected = List.of(
				choice("{\"role\":\"assistant\",\"content\":\"\"}", null),
				choice("{\"content\":\"Let me check\"}", null),
				choice("{\"content\":\" the weather.\"}", null),
				choice("""
						{"tool_calls":[{"index":0,"id":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","type":"function",
						 "function":{"name":"get_weather","arguments":""}}]}""", null),
				choice("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\": \\\"Pa\"}}]}", null),
				choice("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ris\\\"}\"}}]}", null),
				choice("""
						{"tool_calls":[{"index":1,"id":"tooluse_Zq1x7MoVRoGXiZpQyuXA9A","type":"function",
						 "function":{"name":"get_time","arguments":""}}]}""", null),
				choice("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}", null),
				choice("{}", "tool_calls"),
				object(CHUNK.formatted("""
						"choices":[],"usage":{"prompt_tokens":1436,"completion_tokens":57,"total_tokens":1493,
						 "prompt_tokens_details":{"cached_tokens":1024,"cache_write_tokens":0}}""")));
		byte[] stream = BedrockFixtures.concat(BedrockFixtures.streamFrames("converse-stream-tool-use.json"));

		Random random = new Random(7);
		for (int run = 0; run < 50; run++) {
			BedrockStreamTranslator translator = translator();
			assertThat(translate(stream, translator, random)).as("split %d", run).map(Fixtures::wire)
				.isEqualTo(expected);
			assertThat(translator.usage()).isEqualTo(new BedrockUsage(412, 57, 1024, 0));
		}
	}

	@Test
	void usageIsZeroUntilTheMetadataEventArrives() {
		BedrockStreamTranslator translator = translator();
		translator.onEvent("messageStart", object("{\"role\":\"assistant\"}"));

		assertThat(translator.usage()).isEqualTo(BedrockUsage.NONE);
	}

	@Test
	void anExceptionMidStreamComesAfterTheChunksBeforeItWithItsMappedStatus() {
		byte[] stream = BedrockFixtures.concat(List.of(
				BedrockFixtures.eventFrame("messageStart", "{\"p\":\"abc\",\"role\":\"assistant\"}"),
				BedrockFixtures.eventFrame("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Par\"}}"),
				BedrockFixtures.exceptionFrame("throttlingException",
						"{\"message\":\"Too many tokens, please wait before trying again.\"}")));
		EventStreamDecoder decoder = new EventStreamDecoder();
		BedrockStreamTranslator translator = translator();
		List<ObjectNode> sent = new ArrayList<>();

		assertThatThrownBy(() -> {
			for (EventStreamMessage message : decoder.feed(stream)) {
				sent.addAll(translator.onMessage(message));
			}
		}).isInstanceOfSatisfying(GatewayException.class, ex -> {
			assertThat(ex.status().value()).isEqualTo(429);
			assertThat(ex.code()).isEqualTo("rate_limit_exceeded");
			assertThat(ex.retryable()).isTrue();
			assertThat(ex.getMessage())
				.isEqualTo("Bedrock ThrottlingException: Too many tokens, please wait before trying again.");
		});
		assertThat(sent).extracting(chunk -> chunk.at("/choices/0/delta/content").asString(""))
			.containsExactly("", "Par");
	}

	@ParameterizedTest
	@CsvSource({ "throttlingException, 429", "modelStreamErrorException, 502", "validationException, 400",
			"serviceUnavailableException, 503", "internalServerException, 502" })
	void eachStreamExceptionCarriesItsStatus(String exceptionType, int status) {
		EventStreamMessage exception = new EventStreamDecoder()
			.feed(BedrockFixtures.exceptionFrame(exceptionType, "{\"message\":\"failed\"}"))
			.getFirst();

		assertThatThrownBy(() -> translator().onMessage(exception)).isInstanceOfSatisfying(GatewayException.class,
				ex -> assertThat(ex.status().value()).isEqualTo(status));
	}

	@Test
	void anErrorMessageIsAnUpstreamFailure() {
		EventStreamMessage error = new EventStreamDecoder()
			.feed(BedrockFixtures.errorFrame("InternalFailure", "The stream broke"))
			.getFirst();

		assertThatThrownBy(() -> translator().onMessage(error)).isInstanceOfSatisfying(GatewayException.class, ex -> {
			assertThat(ex.status().value()).isEqualTo(502);
			assertThat(ex.getMessage()).isEqualTo("Bedrock InternalFailure: The stream broke");
		});
	}

	@Test
	void anExceptionNamePassedAsAnEventThrowsToo() {
		assertThatThrownBy(() -> translator().onEvent("modelStreamErrorException",
				object("{\"message\":\"model failed\",\"originalStatusCode\":500}")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.status().value()).isEqualTo(502));
	}

	@Test
	void reasoningDeltasAndUnknownEventsProduceNothing() {
		BedrockStreamTranslator translator = translator();

		assertThat(translator.onEvent("contentBlockDelta",
				object("{\"contentBlockIndex\":0,\"delta\":{\"reasoningContent\":{\"text\":\"hmm\"}}}"))).isEmpty();
		assertThat(translator.onEvent("contentBlockStop", object("{\"contentBlockIndex\":0}"))).isEmpty();
		assertThat(translator.onEvent("somethingAddedLater", object("{}"))).isEmpty();
	}

	@Test
	void toolInputForABlockThatNeverStartedIsAMalformedStream() {
		assertThatThrownBy(() -> translator().onEvent("contentBlockDelta",
				object("{\"contentBlockIndex\":4,\"delta\":{\"toolUse\":{\"input\":\"{}\"}}}")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(502);
				assertThat(ex.code()).isEqualTo("upstream_malformed_stream");
			});
	}

	@Test
	void finishReasonsFollowTheStopReason() {
		List<ObjectNode> chunks = translator().onEvent("messageStop", object("{\"stopReason\":\"max_tokens\"}"));

		assertThat(chunks).map(Fixtures::wire).containsExactly(choice("{}", "length"));
	}

	private static BedrockStreamTranslator translator() {
		return new BedrockStreamTranslator("claude-sonnet", "chatcmpl-9", 1_700_000_001L);
	}

	private static ObjectNode choice(String delta, @Nullable String finishReason) {
		return object(CHUNK.formatted("\"choices\":[{\"index\":0,\"delta\":" + delta
				+ ",\"logprobs\":null,\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"")
				+ "}]"));
	}

	private static List<ObjectNode> translate(byte[] stream, BedrockStreamTranslator translator, Random random) {
		EventStreamDecoder decoder = new EventStreamDecoder();
		List<ObjectNode> chunks = new ArrayList<>();
		int from = 0;
		while (from < stream.length) {
			int to = Math.min(stream.length, from + 1 + random.nextInt(120));
			for (EventStreamMessage message : decoder.feed(Arrays.copyOfRange(stream, from, to))) {
				chunks.addAll(translator.onMessage(message));
			}
			from = to;
		}
		return chunks;
	}

}
