package dev.meridian.gateway.provider.gemini;

import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.sseData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeminiStreamTranslatorTest {

	private final GeminiStreamTranslator stream = new GeminiStreamTranslator("my-gemini", "chatcmpl-7", 1_750_000_000L);

	@Test
	void textStreamBecomesRoleThenContentDeltasThenFinishThenUsage() {
		List<ObjectNode> chunks = translateAll("text-stream.sse");

		assertThat(chunks).map(Fixtures::wire).containsExactly(
				object("""
						{"id": "chatcmpl-7", "object": "chat.completion.chunk", "created": 1750000000, "model": "my-gemini",
						 "choices": [{"index": 0, "delta": {"role": "assistant", "content": "The sky"}, "finish_reason": null}]}
						"""),
				object("""
						{"id": "chatcmpl-7", "object": "chat.completion.chunk", "created": 1750000000, "model": "my-gemini",
						 "choices": [{"index": 0, "delta": {"content": " is blue because air scatters short wavelengths."},
									  "finish_reason": null}]}
						"""),
				object("""
						{"id": "chatcmpl-7", "object": "chat.completion.chunk", "created": 1750000000, "model": "my-gemini",
						 "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
						"""),
				object("""
						{"id": "chatcmpl-7", "object": "chat.completion.chunk", "created": 1750000000, "model": "my-gemini",
						 "choices": [],
						 "usage": {"prompt_tokens": 9, "completion_tokens": 30, "total_tokens": 39,
								   "prompt_tokens_details": {"cached_tokens": 0},
								   "completion_tokens_details": {"reasoning_tokens": 19}}}
						"""));
	}

	@Test
	void functionCallsStreamAsCompleteToolCallDeltas() {
		List<ObjectNode> chunks = translateAll("function-call-stream.sse");

		assertThat(chunks).hasSize(4);
		assertThat(chunks.get(0).at("/choices/0/delta")).isEqualTo(object("""
				{"role": "assistant", "content": "Checking both for you."}
				"""));
		var toolCalls = chunks.get(1).at("/choices/0/delta/tool_calls");
		assertThat(toolCalls).extracting(c -> c.get("index").asInt() + ":" + c.at("/function/name").asString())
				.containsExactly("0:get_weather", "1:get_time");
		assertThat(toolCalls.get(0).get("id").asString()).startsWith("call_");
		assertThat(toolCalls.get(0).get("type").asString()).isEqualTo("function");
		assertThat(JsonMapper.shared().readTree(toolCalls.get(0).at("/function/arguments").asString())).isEqualTo(object("""
				{"city": "Paris", "unit": "celsius"}
				"""));
		assertThat(toolCalls.get(0).at("/extra_content/google/thought_signature").asString())
				.isEqualTo("CiQB0e2Kb7m0pMNZ3Kq1yTz0n6Wq4y1rZb9fJ1xq0cQ3b2a1ZgpKAdHtim8=");
		assertThat(chunks.get(1).at("/choices/0/delta").has("role")).isFalse();
		assertThat(chunks.get(2).at("/choices/0/finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(chunks.get(3).at("/usage/total_tokens").asInt()).isEqualTo(197);
	}

	@Test
	void everyChunkCarriesTheSameIdentity() {
		assertThat(translateAll("function-call-stream.sse")).allSatisfy(chunk -> {
			assertThat(chunk.get("id").asString()).isEqualTo("chatcmpl-7");
			assertThat(chunk.get("created").asLong()).isEqualTo(1_750_000_000L);
			assertThat(chunk.get("model").asString()).isEqualTo("my-gemini");
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
		});
	}

	@Test
	void usageIsKnownBeforeTheStreamEnds() {
		assertThat(stream.usage()).isEmpty();

		stream.onEvent(sseData("gemini/text-stream.sse").getFirst());

		assertThat(stream.usage()).hasValueSatisfying(usage -> {
			assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(9);
			assertThat(usage.get("completion_tokens").asInt()).isEqualTo(19);
		});
	}

	@Test
	void streamWithoutUsageEndsWithoutAUsageChunk() {
		stream.onEvent(object("""
				{"candidates": [{"content": {"parts": [{"text": "Hi"}], "role": "model"}, "finishReason": "STOP", "index": 0}]}
				"""));

		assertThat(stream.onEnd()).isEmpty();
	}

	@Test
	void blockedPromptIsAContentFilterBadRequest() {
		ObjectNode event = sseData("gemini/blocked-prompt-stream.sse").getFirst();

		assertThatThrownBy(() -> stream.onEvent(event))
				.isInstanceOfSatisfying(GatewayException.class, e -> {
					assertThat(e.status().value()).isEqualTo(400);
					assertThat(e.code()).isEqualTo("content_filter");
				})
				.hasMessageContaining("SAFETY");
	}

	private List<ObjectNode> translateAll(String fixture) {
		List<ObjectNode> chunks = new ArrayList<>();
		sseData("gemini/" + fixture).forEach(event -> chunks.addAll(stream.onEvent(event)));
		chunks.addAll(stream.onEnd());
		return chunks;
	}
}
