package dev.meridian.gateway.provider.bedrock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.resource;
import static dev.meridian.gateway.testsupport.Fixtures.wire;
import static org.assertj.core.api.Assertions.assertThat;

class BedrockResponseTranslatorTest {

	private final BedrockResponseTranslator translator = new BedrockResponseTranslator();

	@Test
	void textAnswerBecomesAChatCompletion() {
		ObjectNode completion = this.translator.toChatCompletion(resource("bedrock/converse-response-text.json"),
				"claude-sonnet", "chatcmpl-42", 1_700_000_000L);

		assertThat(wire(completion)).isEqualTo(object("""
				{"id":"chatcmpl-42","object":"chat.completion","created":1700000000,"model":"claude-sonnet",
				 "choices":[{"index":0,
				   "message":{"role":"assistant","content":"Bonjour! Paris is lovely in spring.","refusal":null},
				   "logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21,
				   "prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0}}}"""));
	}

	@Test
	void toolUseBecomesToolCallsWithArgumentsAsAJsonStringAndReasoningStaysOut() {
		ObjectNode completion = this.translator.toChatCompletion(
				resource("bedrock/converse-response-tool-use.json"), "claude-sonnet", "chatcmpl-7", 1L);

		ObjectNode message = (ObjectNode) completion.at("/choices/0/message");
		assertThat(message.path("content").stringValue()).isEqualTo("Let me check the weather.");
		assertThat(message.at("/tool_calls/0/id").stringValue()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
		assertThat(message.at("/tool_calls/0/type").stringValue()).isEqualTo("function");
		assertThat(message.at("/tool_calls/0/function/name").stringValue()).isEqualTo("get_weather");
		String arguments = message.at("/tool_calls/0/function/arguments").stringValue();
		assertThat(JsonMapper.shared().readTree(arguments)).isEqualTo(object("""
				{"city":"Paris","unit":"celsius"}"""));
		assertThat(completion.at("/choices/0/finish_reason").stringValue()).isEqualTo("tool_calls");
	}

	@Test
	void usageCountsCacheReadsAndWritesAsPromptTokens() {
		ObjectNode completion = this.translator.toChatCompletion(
				resource("bedrock/converse-response-tool-use.json"), "claude-sonnet", "chatcmpl-7", 1L);

		assertThat(wire(completion.get("usage"))).isEqualTo(object("""
				{"prompt_tokens":2024,"completion_tokens":61,"total_tokens":2085,
				 "prompt_tokens_details":{"cached_tokens":1800,"cache_write_tokens":200}}"""));
	}

	@Test
	void anAnswerWithOnlyToolCallsHasNullContent() {
		ObjectNode completion = this.translator.toChatCompletion(object("""
				{"output":{"message":{"role":"assistant","content":[
				  {"toolUse":{"toolUseId":"t1","name":"get_time","input":{}}}]}},
				 "stopReason":"tool_use","usage":{"inputTokens":3,"outputTokens":4,"totalTokens":7}}"""),
				"m", "id", 1L);

		assertThat(completion.at("/choices/0/message/content").isNull()).isTrue();
		assertThat(completion.at("/choices/0/message/tool_calls/0/function/arguments").stringValue()).isEqualTo("{}");
	}

	@ParameterizedTest
	@CsvSource({ "end_turn,stop", "stop_sequence,stop", "max_tokens,length", "model_context_window_exceeded,length",
			"tool_use,tool_calls", "guardrail_intervened,content_filter", "content_filtered,content_filter",
			"a_reason_added_later,stop" })
	void stopReasonsMapToFinishReasons(String stopReason, String finishReason) {
		assertThat(BedrockResponseTranslator.finishReason(stopReason)).isEqualTo(finishReason);
	}

}
