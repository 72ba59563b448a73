package dev.meridian.gateway.provider.gemini;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.resource;
import static dev.meridian.gateway.testsupport.Fixtures.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeminiResponseTranslatorTest {

	private final GeminiResponseTranslator translator = new GeminiResponseTranslator();

	@Test
	void textResponseBecomesAChatCompletionWithoutTheThoughts() {
		ObjectNode completion = translator.toChatCompletion(resource("gemini/text-response.json"), "my-gemini", "chatcmpl-42",
				1_750_000_000L);

		assertThat(wire(completion)).isEqualTo(object("""
				{"id": "chatcmpl-42", "object": "chat.completion", "created": 1750000000, "model": "my-gemini",
				 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello! How can I help you today?"},
							  "finish_reason": "stop"}],
				 "usage": {"prompt_tokens": 812, "completion_tokens": 33, "total_tokens": 845,
						   "prompt_tokens_details": {"cached_tokens": 768},
						   "completion_tokens_details": {"reasoning_tokens": 24}}}
				"""));
	}

	@Test
	void functionCallsBecomeToolCallsWithTheirThoughtSignature() {
		ObjectNode completion = translator.toChatCompletion(resource("gemini/function-call-response.json"), "my-gemini", "chatcmpl-1", 1L);

		var choice = completion.get("choices").get(0);
		assertThat(choice.get("finish_reason").asString()).isEqualTo("tool_calls");
		assertThat(choice.at("/message/content").isNull()).isTrue();
		var calls = choice.at("/message/tool_calls");
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0).get("id").asString()).matches("call_[0-9a-f]{24}");
		assertThat(calls.get(0).get("id")).isNotEqualTo(calls.get(1).get("id"));
		assertThat(calls.get(0).get("type").asString()).isEqualTo("function");
		assertThat(calls.get(0).at("/function/name").asString()).isEqualTo("get_weather");
		assertThat(JsonMapper.shared().readTree(calls.get(0).at("/function/arguments").asString()))
				.isEqualTo(object("""
						{"city": "Paris", "unit": "celsius"}
						"""));
		assertThat(calls.get(0).at("/extra_content/google/thought_signature").asString())
				.isEqualTo("CiQB0e2Kb7m0pMNZ3Kq1yTz0n6Wq4y1rZb9fJ1xq0cQ3b2a1ZgpKAdHtim8=");
		assertThat(calls.get(1).has("extra_content")).isFalse();
		assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(105);
	}

	@Test
	void everyCandidateBecomesAChoice() {
		ObjectNode completion = translator.toChatCompletion(resource("gemini/two-candidates-response.json"), "m", "id", 1L);

		assertThat(completion.get("choices")).extracting(c -> c.get("index").asInt() + ":" + c.get("finish_reason").asString()
				+ ":" + c.at("/message/content").asString()).containsExactly(
						"0:stop:Blue.", "1:length:The sky looks blue because");
		assertThat(completion.get("usage")).isEqualTo(object("""
				{"prompt_tokens": 7, "completion_tokens": 8, "total_tokens": 15,
				 "prompt_tokens_details": {"cached_tokens": 0}, "completion_tokens_details": {"reasoning_tokens": 0}}
				"""));
	}

	@Test
	void toolUsePromptTokensCountAsPromptSoTheTotalsAddUp() {
		var usage = GeminiUsage.toOpenAi(object("""
				{"promptTokenCount": 40, "candidatesTokenCount": 25, "toolUsePromptTokenCount": 310,
				 "thoughtsTokenCount": 12, "totalTokenCount": 387}
				"""));

		assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(350);
		assertThat(usage.get("completion_tokens").asInt()).isEqualTo(37);
		assertThat(usage.get("total_tokens").asInt()).isEqualTo(387);
	}

	@Test
	void candidateStoppedBySafetyIsContentFilteredWithNoContent() {
		ObjectNode completion = translator.toChatCompletion(resource("gemini/safety-stopped-response.json"), "m", "id", 1L);

		var choice = completion.get("choices").get(0);
		assertThat(choice.get("finish_reason").asString()).isEqualTo("content_filter");
		assertThat(choice.at("/message/content").isNull()).isTrue();
	}

	@Test
	void blockedPromptIsAContentFilterBadRequest() {
		assertThatThrownBy(() -> translator.toChatCompletion(resource("gemini/blocked-prompt-response.json"), "m", "id", 1L))
				.isInstanceOfSatisfying(GatewayException.class, e -> {
					assertThat(e.status().value()).isEqualTo(400);
					assertThat(e.code()).isEqualTo("content_filter");
				})
				.hasMessageContaining("PROHIBITED_CONTENT");
	}

	@Test
	void responseWithoutCandidatesOrBlockReasonIsAnUpstreamFailure() {
		assertThatThrownBy(() -> translator.toChatCompletion(object("""
				{"usageMetadata": {"promptTokenCount": 3, "totalTokenCount": 3}, "modelVersion": "gemini-2.5-flash"}
				"""), "m", "id", 1L))
				.isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status().value()).isEqualTo(502));
	}

	@ParameterizedTest
	@CsvSource({
			"STOP, false, stop", "STOP, true, tool_calls", "MAX_TOKENS, false, length", "MAX_TOKENS, true, length",
			"SAFETY, false, content_filter", "RECITATION, false, content_filter", "BLOCKLIST, false, content_filter",
			"PROHIBITED_CONTENT, false, content_filter", "SPII, false, content_filter",
			"MALFORMED_FUNCTION_CALL, false, stop", "OTHER, false, stop", "'', true, tool_calls"})
	void finishReasons(String geminiReason, boolean calledTools, String openAiReason) {
		assertThat(GeminiFinishReason.toOpenAi(geminiReason, calledTools)).isEqualTo(openAiReason);
	}
}
