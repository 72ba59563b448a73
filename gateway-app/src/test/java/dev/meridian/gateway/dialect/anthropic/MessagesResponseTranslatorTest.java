package dev.meridian.gateway.dialect.anthropic;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessagesResponseTranslatorTest {

	private final MessagesResponseTranslator translator = new MessagesResponseTranslator();

	@Test
	void textCompletion() {
		ObjectNode message = this.translator.toMessage(object("""
				{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
				 "model":"gpt-4.1-2025-04-14",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello! How can I assist you today?",
				   "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
				   "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
				   "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
				 "service_tier":"default"}
				"""), "claude-sonnet-4-5");
		assertJson(message, """
				{"id":"msg_B9MBs8CjcvOU2jLn4n570S5qMJKcT","type":"message","role":"assistant","model":"claude-sonnet-4-5",
				 "content":[{"type":"text","text":"Hello! How can I assist you today?"}],
				 "stop_reason":"end_turn","stop_sequence":null,
				 "usage":{"input_tokens":19,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":10}}
				""");
	}

	@Test
	void toolCallsBecomeToolUseBlocksWithParsedInput() {
		ObjectNode message = this.translator.toMessage(object("""
				{"id":"chatcmpl-abc123","object":"chat.completion","created":1699896916,"model":"gpt-4o-mini",
				 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
				   {"id":"call_abc123","type":"function","function":{"name":"get_current_weather","arguments":"{\\n\\"location\\": \\"Boston, MA\\"\\n}"}},
				   {"id":"call_def456","type":"function","function":{"name":"get_time","arguments":""}}]},
				  "logprobs":null,"finish_reason":"tool_calls"}],
				 "usage":{"prompt_tokens":82,"completion_tokens":17,"total_tokens":99}}
				"""), "claude-haiku");
		assertJson(message.get("content"), """
				[{"type":"tool_use","id":"call_abc123","name":"get_current_weather","input":{"location":"Boston, MA"}},
				 {"type":"tool_use","id":"call_def456","name":"get_time","input":{}}]
				""");
		assertThat(message.get("stop_reason").stringValue()).isEqualTo("tool_use");
	}

	@ParameterizedTest
	@CsvSource({ "stop, end_turn", "length, max_tokens", "tool_calls, tool_use", "function_call, tool_use",
			"content_filter, refusal" })
	void finishReasonBecomesStopReason(String finishReason, String stopReason) {
		ObjectNode message = this.translator.toMessage(object("""
				{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"a"},"finish_reason":"%s"}]}
				""".formatted(finishReason)), "m");
		assertThat(message.get("stop_reason").stringValue()).isEqualTo(stopReason);
	}

	@Test
	void cachedPromptTokensAreReportedAsCacheReads() {
		ObjectNode message = this.translator.toMessage(object("""
				{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"a"},"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,
				          "prompt_tokens_details":{"cached_tokens":1920,"audio_tokens":0}}}
				"""), "m");
		assertJson(message.get("usage"), """
				{"input_tokens":86,"cache_creation_input_tokens":0,"cache_read_input_tokens":1920,"output_tokens":300}
				""");
	}

	@Test
	void refusalIsReturnedAsText() {
		ObjectNode message = this.translator.toMessage(object("""
				{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":null,
				  "refusal":"I'm sorry, I can't help with that."},"finish_reason":"content_filter"}]}
				"""), "m");
		assertJson(message.get("content"), """
				[{"type":"text","text":"I'm sorry, I can't help with that."}]
				""");
		assertThat(message.get("stop_reason").stringValue()).isEqualTo("refusal");
	}

	@Test
	void messageIdIsDerivedFromTheChatId() {
		assertThat(MessagesResponseTranslator.messageId("chatcmpl-B9MBs8Cj")).isEqualTo("msg_B9MBs8Cj");
		assertThat(MessagesResponseTranslator.messageId("gen-1741569952-abc")).isEqualTo("msg_gen-1741569952-abc");
		assertThat(MessagesResponseTranslator.messageId("")).matches("msg_[0-9a-f]{32}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{\\"location\\": \\"Bos
			[1, 2]
			""")
	void toolArgumentsThatAreNotAJsonObjectAreAnUpstreamFailure(String arguments) {
		ObjectNode completion = object("""
				{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
				  {"id":"call_1","type":"function","function":{"name":"f","arguments":"%s"}}]},"finish_reason":"tool_calls"}]}
				""".formatted(arguments));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.translator.toMessage(completion, "m"))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(502);
				assertThat(AnthropicErrorEnvelope.of(ex).at("/error/type").stringValue()).isEqualTo("api_error");
			});
	}

}
