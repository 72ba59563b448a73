package dev.meridian.gateway.provider.anthropic;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.openAiEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AnthropicRequestTranslatorTest {

	private static final String UPSTREAM_MODEL = "claude-sonnet-4-5-20250929";

	private final AnthropicRequestTranslator translator = new AnthropicRequestTranslator();

	private ObjectNode translate(String openAiRequest) {
		return this.translator.toMessagesRequest(object(openAiRequest), UPSTREAM_MODEL);
	}

	@Test
	void plainTextUsesUpstreamModelAndDefaultMaxTokens() {
		ObjectNode request = translate("""
				{"model":"claude-sonnet","messages":[{"role":"user","content":"Hello, Claude"}]}
				""");
		assertJson(request, """
				{"model":"claude-sonnet-4-5-20250929",
				 "messages":[{"role":"user","content":"Hello, Claude"}],
				 "max_tokens":4096}
				""");
		assertThat(AnthropicRequestTranslator.DEFAULT_MAX_TOKENS).isEqualTo(4096);
	}

	@Test
	void singleSystemMessageBecomesSystemString() {
		ObjectNode request = translate("""
				{"model":"m","messages":[
				  {"role":"system","content":"You are terse."},
				  {"role":"user","content":"Hi"}]}
				""");
		assertJson(request.get("system"), "\"You are terse.\"");
		assertJson(request.get("messages"), """
				[{"role":"user","content":"Hi"}]
				""");
	}

	@Test
	void systemAndDeveloperMessagesAnywhereBecomeSystemBlocksInOrder() {
		ObjectNode request = translate("""
				{"model":"m","messages":[
				  {"role":"system","content":[{"type":"text","text":"Rules.","cache_control":{"type":"ephemeral"}}]},
				  {"role":"user","content":"Hi"},
				  {"role":"developer","content":"Answer in French."},
				  {"role":"user","content":"Again"}]}
				""");
		assertJson(request.get("system"), """
				[{"type":"text","text":"Rules.","cache_control":{"type":"ephemeral"}},
				 {"type":"text","text":"Answer in French."}]
				""");
		// With the developer message lifted out, the two user messages are consecutive and merge.
		assertJson(request.get("messages"), """
				[{"role":"user","content":[{"type":"text","text":"Hi"},{"type":"text","text":"Again"}]}]
				""");
	}

	@Test
	void multiTurnKeepsAlternationAndMergesConsecutiveSameRoleMessages() {
		ObjectNode request = translate("""
				{"model":"m","messages":[
				  {"role":"user","content":"Hello there."},
				  {"role":"assistant","content":"Hi, I'm Claude. How can I help you?"},
				  {"role":"user","content":"Can you explain LLMs"},
				  {"role":"user","content":[{"type":"text","text":"in plain English?"}]},
				  {"role":"assistant","content":""}]}
				""");
		assertJson(request.get("messages"), """
				[{"role":"user","content":"Hello there."},
				 {"role":"assistant","content":"Hi, I'm Claude. How can I help you?"},
				 {"role":"user","content":[{"type":"text","text":"Can you explain LLMs"},
				                           {"type":"text","text":"in plain English?"}]}]
				""");
	}

	@Test
	void toolCallsAndResultsBecomeToolUseAndToolResultBlocks() {
		ObjectNode request = translate("""
				{"model":"claude-sonnet",
				 "messages":[
				  {"role":"system","content":"You answer questions about the weather."},
				  {"role":"user","content":"Weather and time in Paris?"},
				  {"role":"assistant","content":null,"tool_calls":[
				    {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}},
				    {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{\\"timezone\\":\\"Europe/Paris\\"}"}}]},
				  {"role":"tool","tool_call_id":"call_1","content":"18°C, cloudy"},
				  {"role":"tool","tool_call_id":"call_2","content":[{"type":"text","text":"14:05"}]},
				  {"role":"user","content":"Should I take an umbrella?"}],
				 "tools":[
				  {"type":"function","function":{"name":"get_weather","description":"Current weather",
				    "parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}},
				  {"type":"function","function":{"name":"get_time"}}],
				 "tool_choice":"required",
				 "parallel_tool_calls":false}
				""");
		assertJson(request, """
				{"model":"claude-sonnet-4-5-20250929",
				 "system":"You answer questions about the weather.",
				 "messages":[
				  {"role":"user","content":"Weather and time in Paris?"},
				  {"role":"assistant","content":[
				    {"type":"tool_use","id":"call_1","name":"get_weather","input":{"location":"Paris"}},
				    {"type":"tool_use","id":"call_2","name":"get_time","input":{"timezone":"Europe/Paris"}}]},
				  {"role":"user","content":[
				    {"type":"tool_result","tool_use_id":"call_1","content":"18°C, cloudy"},
				    {"type":"tool_result","tool_use_id":"call_2","content":[{"type":"text","text":"14:05"}]},
				    {"type":"text","text":"Should I take an umbrella?"}]}],
				 "max_tokens":4096,
				 "tools":[
				  {"name":"get_weather","description":"Current weather",
				   "input_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}},
				  {"name":"get_time","input_schema":{"type":"object","properties":{}}}],
				 "tool_choice":{"type":"any","disable_parallel_tool_use":true}}
				""");
	}

	@Test
	void assistantTextComesBeforeItsToolUseAndEmptyArgumentsAreAnEmptyObject() {
		ObjectNode request = translate("""
				{"model":"m","messages":[
				  {"role":"user","content":"What time is it?"},
				  {"role":"assistant","content":"Let me check.","tool_calls":[
				    {"id":"call_9","type":"function","function":{"name":"now","arguments":""}}]}]}
				""");
		assertJson(request.get("messages").get(1), """
				{"role":"assistant","content":[
				  {"type":"text","text":"Let me check."},
				  {"type":"tool_use","id":"call_9","name":"now","input":{}}]}
				""");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"auto"                                             | true  | {"type":"auto"}
			"none"                                             | true  | {"type":"none"}
			"required"                                         | true  | {"type":"any"}
			{"type":"function","function":{"name":"get_time"}} | true  | {"type":"tool","name":"get_time"}
			"auto"                                             | false | {"type":"auto","disable_parallel_tool_use":true}
			"none"                                             | false | {"type":"none"}
			{"type":"function","function":{"name":"get_time"}} | false | {"type":"tool","name":"get_time","disable_parallel_tool_use":true}
			""")
	void toolChoiceAndParallelToolCalls(String toolChoice, boolean parallel, String expected) {
		ObjectNode request = translate("""
				{"model":"m","messages":[{"role":"user","content":"now?"}],
				 "tools":[{"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}],
				 "tool_choice":%s,"parallel_tool_calls":%s}
				""".formatted(toolChoice, parallel));
		assertJson(request.get("tool_choice"), expected);
	}

	@Test
	void parallelToolCallsFalseAloneDisablesParallelUseUnderAuto() {
		ObjectNode request = translate("""
				{"model":"m","messages":[{"role":"user","content":"now?"}],
				 "tools":[{"type":"function","function":{"name":"get_time"}}],"parallel_tool_calls":false}
				""");
		assertJson(request.get("tool_choice"), """
				{"type":"auto","disable_parallel_tool_use":true}
				""");
	}

	@Test
	void toolChoiceWithoutToolsIsDropped() {
		ObjectNode request = translate("""
				{"model":"m","messages":[{"role":"user","content":"hi"}],"tool_choice":"auto"}
				""");
		assertThat(request.has("tool_choice")).isFalse();
		assertThat(request.has("tools")).isFalse();
	}

	@Test
	void imagesFromDataUrlsAndHttpUrls() {
		ObjectNode request = translate("""
				{"model":"m","messages":[{"role":"user","content":[
				  {"type":"text","text":"Compare these."},
				  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB","detail":"high"}},
				  {"type":"image_url","image_url":{"url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}}]}]}
				""");
		assertJson(request.get("messages"), """
				[{"role":"user","content":[
				  {"type":"text","text":"Compare these."},
				  {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB"}},
				  {"type":"image","source":{"type":"url","url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}}]}]
				""");
	}

	@Test
	void samplingParametersStopSequencesStreamAndUser() {
		ObjectNode request = translate("""
				{"model":"m","messages":[{"role":"user","content":"Hi"}],
				 "max_tokens":100,"max_completion_tokens":256,"stop":["\\n\\nHuman:","END"],
				 "temperature":0.3,"top_p":0.9,"stream":true,"stream_options":{"include_usage":true},
				 "user":"user-1234","presence_penalty":0.5,"seed":7,"n":1}
				""");
		assertJson(request, """
				{"model":"claude-sonnet-4-5-20250929","messages":[{"role":"user","content":"Hi"}],
				 "max_tokens":256,"stop_sequences":["\\n\\nHuman:","END"],"temperature":0.3,"top_p":0.9,
				 "stream":true,"metadata":{"user_id":"user-1234"}}
				""");
	}

	@Test
	void stopStringAndMaxTokensAlone() {
		ObjectNode request = translate("""
				{"model":"m","messages":[{"role":"user","content":"Hi"}],"max_tokens":64,"stop":"END","stream":false}
				""");
		assertJson(request.get("stop_sequences"), "[\"END\"]");
		assertThat(request.get("max_tokens").asInt()).isEqualTo(64);
		assertThat(request.has("stream")).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "1.7, 1.0", "2, 1.0", "1, 1.0", "0.3, 0.3", "0, 0.0" })
	void temperatureAboveAnthropicsRangeIsClampedToOne(String openAi, double anthropic) {
		ObjectNode request = translate("""
				{"model":"m","messages":[{"role":"user","content":"Hi"}],"temperature":%s}
				""".formatted(openAi));
		assertThat(request.get("temperature").asDouble()).isEqualTo(anthropic);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"model":"m","messages":[]}                                                                    | messages must be a non-empty array
			{"model":"m","messages":[{"role":"user","content":"a"}],"n":2}                                 | n must be 1
			{"model":"m","messages":[{"role":"function","name":"f","content":"a"}]}                        | messages[0].role 'function' is not supported
			{"model":"m","messages":[{"role":"tool","content":"42"}]}                                      | messages[0].tool_call_id is required
			{"model":"m","messages":[{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x.test/a.png"}}]}]} | messages[0].content[0]: images are only supported in user messages
			{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png,abc"}}]}]}      | messages[0].content[0]: image data URLs must be base64-encoded
			{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"ftp://x.test/a.png"}}]}]}      | messages[0].content[0]: image_url.url must be an http(s) URL or a base64 data URL
			{"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AAA","format":"wav"}}]}]} | messages[0].content[0]: content part type 'input_audio' is not supported
			{"model":"m","messages":[{"role":"user","content":42}]}                                        | messages[0].content must be a string or an array
			{"model":"m","messages":[{"role":"user","content":"a"}],"tools":[{"type":"custom","custom":{"name":"x"}}]} | tools[0]: tool type 'custom' is not supported
			{"model":"m","messages":[{"role":"user","content":"a"}],"tools":[{"type":"function","function":{"name":"x"}}],"tool_choice":"sometimes"} | tool_choice 'sometimes' is not supported
			""")
	void requestsAnthropicCannotServeAreRejectedWith400(String openAiRequest, String message) {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> translate(openAiRequest))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.type()).isEqualTo("invalid_request_error");
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.getMessage()).startsWith(message);
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{\\"location\\": \\"Par          | messages[1].tool_calls[0].function.arguments is not valid JSON
			[\\"Paris\\"]                    | messages[1].tool_calls[0].function.arguments must be a JSON object
			""")
	void toolCallArgumentsThatAreNotAJsonObjectAreRejectedWith400(String arguments, String message) {
		String request = """
				{"model":"m","messages":[
				  {"role":"user","content":"Weather?"},
				  {"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"%s"}}]}]}
				""".formatted(arguments);
		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> translate(request))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.getMessage()).isEqualTo(message);
				assertJson(openAiEnvelope(ex), """
						{"error":{"message":"%s","type":"invalid_request_error","param":null,"code":null}}
						""".formatted(message));
			});
	}

}
