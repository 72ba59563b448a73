package dev.meridian.gateway.provider.anthropic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

class AnthropicResponseTranslatorTest {

	private static final long CREATED = 1741570283L;

	private final AnthropicResponseTranslator translator = new AnthropicResponseTranslator();

	@Test
	void textResponse() {
		ObjectNode completion = this.translator.toChatCompletion(object("""
				{"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","type":"message","role":"assistant",
				 "model":"claude-sonnet-4-5-20250929",
				 "content":[{"type":"text","text":"Hi! My name is Claude."}],
				 "stop_reason":"end_turn","stop_sequence":null,
				 "usage":{"input_tokens":2095,"output_tokens":503,"cache_creation_input_tokens":0,
				          "cache_read_input_tokens":0,"service_tier":"standard"}}
				"""), "claude-sonnet", CREATED);
		assertJson(completion, """
				{"id":"msg_013Zva2CMHLNnXjNJJKqJ2EF","object":"chat.completion","created":1741570283,
				 "model":"claude-sonnet",
				 "choices":[{"index":0,
				   "message":{"role":"assistant","content":"Hi! My name is Claude.","refusal":null},
				   "logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":2095,"completion_tokens":503,"total_tokens":2598,
				          "prompt_tokens_details":{"cached_tokens":0}}}
				""");
	}

	@Test
	void toolUseBlocksBecomeToolCallsWithArgumentsAsJsonString() {
		ObjectNode completion = this.translator.toChatCompletion(object("""
				{"id":"msg_01Aq9w938a90dw8q","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
				 "content":[
				   {"type":"thinking","thinking":"The user wants weather; call the tool.","signature":"EqQBCgIYAhIM1gbcDa9GJwZA"},
				   {"type":"text","text":"I'll check the weather."},
				   {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather",
				    "input":{"location":"San Francisco, CA","unit":"celsius"}},
				   {"type":"tool_use","id":"toolu_01B","name":"get_time","input":{}}],
				 "stop_reason":"tool_use","stop_sequence":null,
				 "usage":{"input_tokens":384,"output_tokens":92}}
				"""), "claude-sonnet", CREATED);
		assertJson(completion.get("choices"), """
				[{"index":0,
				  "message":{"role":"assistant","content":"I'll check the weather.","refusal":null,
				    "tool_calls":[
				      {"id":"toolu_01A09q90qw90lq917835lq9","type":"function",
				       "function":{"name":"get_weather","arguments":"{\\"location\\":\\"San Francisco, CA\\",\\"unit\\":\\"celsius\\"}"}},
				      {"id":"toolu_01B","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
				  "logprobs":null,"finish_reason":"tool_calls"}]
				""");
	}

	@Test
	void toolUseWithoutTextHasNullContentAsOpenAiSends() {
		ObjectNode completion = this.translator.toChatCompletion(object("""
				{"id":"msg_1","type":"message","role":"assistant","model":"x",
				 "content":[{"type":"tool_use","id":"toolu_1","name":"now","input":{}}],
				 "stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5}}
				"""), "m", CREATED);
		assertThat(completion.at("/choices/0/message/content").isNull()).isTrue();
	}

	@Test
	void multipleTextBlocksAreConcatenatedAndEmptyContentIsEmptyString() {
		ObjectNode completion = this.translator.toChatCompletion(object("""
				{"id":"msg_1","type":"message","role":"assistant","model":"x",
				 "content":[{"type":"text","text":"Hello"},{"type":"text","text":", world"}],
				 "stop_reason":"stop_sequence","stop_sequence":"END","usage":{"input_tokens":1,"output_tokens":2}}
				"""), "m", CREATED);
		assertThat(completion.at("/choices/0/message/content").stringValue()).isEqualTo("Hello, world");

		ObjectNode empty = this.translator.toChatCompletion(object("""
				{"id":"msg_2","type":"message","role":"assistant","model":"x","content":[],
				 "stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":0}}
				"""), "m", CREATED);
		assertThat(empty.at("/choices/0/message/content").stringValue()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "end_turn, stop", "stop_sequence, stop", "max_tokens, length", "tool_use, tool_calls",
			"refusal, content_filter", "pause_turn, stop", "model_context_window_exceeded, length" })
	void stopReasonBecomesFinishReason(String stopReason, String finishReason) {
		ObjectNode completion = this.translator.toChatCompletion(object("""
				{"id":"msg_1","type":"message","role":"assistant","model":"x","content":[{"type":"text","text":"a"}],
				 "stop_reason":"%s","usage":{"input_tokens":1,"output_tokens":1}}
				""".formatted(stopReason)), "m", CREATED);
		assertThat(completion.at("/choices/0/finish_reason").stringValue()).isEqualTo(finishReason);
	}

	@Test
	void usageCountsCachedInputInPromptTokens() {
		ObjectNode completion = this.translator.toChatCompletion(object("""
				{"id":"msg_1","type":"message","role":"assistant","model":"x","content":[{"type":"text","text":"a"}],
				 "stop_reason":"end_turn",
				 "usage":{"input_tokens":50,"cache_creation_input_tokens":1200,"cache_read_input_tokens":3000,
				          "cache_creation":{"ephemeral_5m_input_tokens":1200,"ephemeral_1h_input_tokens":0},
				          "output_tokens":75,"service_tier":"standard"}}
				"""), "m", CREATED);
		assertJson(completion.get("usage"), """
				{"prompt_tokens":4250,"completion_tokens":75,"total_tokens":4325,
				 "prompt_tokens_details":{"cached_tokens":3000}}
				""");
	}

	@Test
	void anthropicUsageKeepsCacheWritesApartForPricing() {
		AnthropicUsage usage = AnthropicUsage.from(object("""
				{"input_tokens":50,"cache_creation_input_tokens":1200,"cache_read_input_tokens":3000,"output_tokens":75}
				"""));
		assertThat(usage).isEqualTo(new AnthropicUsage(50, 75, 3000, 1200));
		assertThat(usage.promptTokens()).isEqualTo(4250);
		assertThat(usage.totalTokens()).isEqualTo(4325);
	}

	@Test
	void anthropicUsageUpdateReplacesOnlyTheFieldsPresent() {
		AnthropicUsage start = AnthropicUsage.from(object("""
				{"input_tokens":25,"cache_read_input_tokens":100,"output_tokens":1}
				"""));
		AnthropicUsage end = start.updatedWith(object("""
				{"output_tokens":15}
				"""));
		assertThat(end).isEqualTo(new AnthropicUsage(25, 15, 100, 0));
		assertThat(AnthropicUsage.from(object("{}"))).isEqualTo(AnthropicUsage.NONE);
	}

}
