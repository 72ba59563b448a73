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

class MessagesRequestTranslatorTest {

	private final MessagesRequestTranslator translator = new MessagesRequestTranslator();

	private ObjectNode translate(String messagesRequest) {
		return this.translator.toChatRequest(object(messagesRequest));
	}

	@Test
	void plainText() {
		assertJson(translate("""
				{"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"Hello, world"}]}
				"""), """
				{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hello, world"}],"max_tokens":1024}
				""");
	}

	@Test
	void systemStringBecomesTheFirstMessage() {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":1,"system":"You are a seasoned data scientist.",
				 "messages":[{"role":"user","content":"Hi"}]}
				""");
		assertJson(chat.get("messages"), """
				[{"role":"system","content":"You are a seasoned data scientist."},{"role":"user","content":"Hi"}]
				""");
	}

	@Test
	void systemBlocksAreJoinedAndCacheMarkersDropped() {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":1,
				 "system":[{"type":"text","text":"You analyze literary works."},
				           {"type":"text","text":"<the entire contents of Pride and Prejudice>","cache_control":{"type":"ephemeral"}}],
				 "messages":[{"role":"user","content":"Analyze the major themes."}]}
				""");
		assertJson(chat.get("messages").get(0), """
				{"role":"system","content":"You analyze literary works.\\n\\n<the entire contents of Pride and Prejudice>"}
				""");
	}

	@Test
	void multiTurnWithTextBlocks() {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":1,"messages":[
				  {"role":"user","content":"Hello there."},
				  {"role":"assistant","content":[{"type":"text","text":"Hi, I'm Claude."},{"type":"text","text":" How can I help?"}]},
				  {"role":"user","content":[{"type":"text","text":"Can you explain LLMs"},{"type":"text","text":"in plain English?"}]},
				  {"role":"user","content":[{"type":"text","text":"Briefly."}]}]}
				""");
		assertJson(chat.get("messages"), """
				[{"role":"user","content":"Hello there."},
				 {"role":"assistant","content":"Hi, I'm Claude. How can I help?"},
				 {"role":"user","content":[{"type":"text","text":"Can you explain LLMs"},{"type":"text","text":"in plain English?"}]},
				 {"role":"user","content":"Briefly."}]
				""");
	}

	@Test
	void toolUseAndToolResultsBecomeToolCallsAndToolMessages() {
		ObjectNode chat = translate("""
				{"model":"claude-sonnet-4-5","max_tokens":1024,
				 "tools":[{"name":"get_weather","description":"Get the current weather in a given location",
				   "input_schema":{"type":"object","properties":{"location":{"type":"string","description":"The city and state, e.g. San Francisco, CA"}},"required":["location"]}}],
				 "tool_choice":{"type":"any","disable_parallel_tool_use":false},
				 "messages":[
				  {"role":"user","content":"What is the weather like in San Francisco and Oakland?"},
				  {"role":"assistant","content":[
				    {"type":"thinking","thinking":"Two cities, two calls.","signature":"EqQBCgIYAhIM1gbcDa9GJwZA"},
				    {"type":"text","text":"I'll check both."},
				    {"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"get_weather","input":{"location":"San Francisco, CA"}},
				    {"type":"tool_use","id":"toolu_01B","name":"get_weather","input":{"location":"Oakland, CA"}}]},
				  {"role":"user","content":[
				    {"type":"tool_result","tool_use_id":"toolu_01A09q90qw90lq917835lq9","content":"15 degrees"},
				    {"type":"tool_result","tool_use_id":"toolu_01B","is_error":true,
				     "content":[{"type":"text","text":"Service unavailable"},{"type":"text","text":"retry later"}]},
				    {"type":"text","text":"What about tomorrow?"}]}]}
				""");
		assertJson(chat, """
				{"model":"claude-sonnet-4-5","max_tokens":1024,
				 "messages":[
				  {"role":"user","content":"What is the weather like in San Francisco and Oakland?"},
				  {"role":"assistant","content":"I'll check both.","tool_calls":[
				    {"id":"toolu_01A09q90qw90lq917835lq9","type":"function",
				     "function":{"name":"get_weather","arguments":"{\\"location\\":\\"San Francisco, CA\\"}"}},
				    {"id":"toolu_01B","type":"function","function":{"name":"get_weather","arguments":"{\\"location\\":\\"Oakland, CA\\"}"}}]},
				  {"role":"tool","tool_call_id":"toolu_01A09q90qw90lq917835lq9","content":"15 degrees"},
				  {"role":"tool","tool_call_id":"toolu_01B","content":"Error: Service unavailable\\nretry later"},
				  {"role":"user","content":"What about tomorrow?"}],
				 "tools":[{"type":"function","function":{"name":"get_weather","description":"Get the current weather in a given location",
				   "parameters":{"type":"object","properties":{"location":{"type":"string","description":"The city and state, e.g. San Francisco, CA"}},"required":["location"]}}}],
				 "tool_choice":"required"}
				""");
	}

	@Test
	void assistantTurnWithOnlyToolUseHasNullContent() {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":1,"messages":[
				  {"role":"user","content":"Time?"},
				  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"now","input":{}}]},
				  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1"}]}]}
				""");
		assertJson(chat.get("messages"), """
				[{"role":"user","content":"Time?"},
				 {"role":"assistant","content":null,"tool_calls":[{"id":"toolu_1","type":"function","function":{"name":"now","arguments":"{}"}}]},
				 {"role":"tool","tool_call_id":"toolu_1","content":""}]
				""");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"type":"auto"}                                 | "auto"                                             | -
			{"type":"any"}                                  | "required"                                         | -
			{"type":"none"}                                 | "none"                                             | -
			{"type":"tool","name":"get_weather"}            | {"type":"function","function":{"name":"get_weather"}} | -
			{"type":"auto","disable_parallel_tool_use":true} | "auto"                                            | false
			""")
	void toolChoice(String anthropic, String openAi, String parallelToolCalls) {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"Weather?"}],
				 "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{}}}],"tool_choice":%s}
				""".formatted(anthropic));
		assertJson(chat.get("tool_choice"), openAi);
		if ("-".equals(parallelToolCalls)) {
			assertThat(chat.has("parallel_tool_calls")).isFalse();
		}
		else {
			assertThat(chat.get("parallel_tool_calls").asBoolean()).isFalse();
		}
	}

	@Test
	void imagesFromBase64AndUrlSources() {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[
				  {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQSkZJRg=="}},
				  {"type":"image","source":{"type":"url","url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}},
				  {"type":"text","text":"Describe these images."}]}]}
				""");
		assertJson(chat.get("messages"), """
				[{"role":"user","content":[
				  {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQSkZJRg=="}},
				  {"type":"image_url","image_url":{"url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}},
				  {"type":"text","text":"Describe these images."}]}]
				""");
	}

	@Test
	void imagesReturnedByAToolFollowTheToolMessages() {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":1,"messages":[
				  {"role":"user","content":"Take a screenshot."},
				  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"screenshot","input":{}}]},
				  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[
				    {"type":"text","text":"Captured."},
				    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}}]}]}]}
				""");
		assertJson(chat.get("messages").get(2), """
				{"role":"tool","tool_call_id":"toolu_1","content":"Captured."}
				""");
		assertJson(chat.get("messages").get(3), """
				{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}
				""");
		assertThat(chat.get("messages").size()).isEqualTo(4);
	}

	@Test
	void samplingParametersStreamAndUser() {
		ObjectNode chat = translate("""
				{"model":"m","max_tokens":300,"messages":[{"role":"user","content":"Hi"}],
				 "temperature":0.2,"top_p":0.95,"top_k":40,"stop_sequences":["\\n\\nHuman:"],"stream":true,
				 "metadata":{"user_id":"13803d75-b4b5-4c3e-b2a2-6f21399b021b"},
				 "thinking":{"type":"enabled","budget_tokens":2048},"service_tier":"auto"}
				""");
		assertJson(chat, """
				{"model":"m","messages":[{"role":"user","content":"Hi"}],"max_tokens":300,
				 "temperature":0.2,"top_p":0.95,"stop":["\\n\\nHuman:"],
				 "stream":true,"stream_options":{"include_usage":true},
				 "user":"13803d75-b4b5-4c3e-b2a2-6f21399b021b"}
				""");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"max_tokens":1,"messages":[{"role":"user","content":"a"}]}                 | model: Field required
			{"model":"","max_tokens":1,"messages":[{"role":"user","content":"a"}]}      | model: Field required
			{"model":"m","messages":[{"role":"user","content":"a"}]}                    | max_tokens: Field required
			{"model":"m","max_tokens":0,"messages":[{"role":"user","content":"a"}]}     | max_tokens: Input should be greater than or equal to 1
			{"model":"m","max_tokens":1,"messages":[]}                                  | messages: at least one message is required
			{"model":"m","max_tokens":1}                                                | messages: at least one message is required
			{"model":"m","max_tokens":1,"messages":[{"role":"system","content":"a"}]}   | messages.0.role: Input should be 'user' or 'assistant'
			{"model":"m","max_tokens":1,"messages":[{"role":"user","content":7}]}       | messages.0.content: must be a string or an array of content blocks
			{"model":"m","max_tokens":1,"system":7,"messages":[{"role":"user","content":"a"}]} | system: must be a string or an array of text blocks
			{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"x"}}]}]} | messages.0.content.0.type: content block type 'document' is not supported here
			{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"image","source":{"type":"file","file_id":"file_011"}}]}]} | messages.0.content.0.source.type: only base64 and url image sources are supported
			{"model":"m","max_tokens":1,"messages":[{"role":"user","content":[{"type":"tool_result","content":"x"}]}]} | messages.0.content.0.tool_use_id: Field required
			{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"a"}],"tools":[{"type":"web_search_20250305","name":"web_search"}]} | tools.0.type: tool type 'web_search_20250305' is not supported by this model
			{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"a"}],"tools":[{"name":"t"}],"tool_choice":{"type":"sometimes"}} | tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'
			""")
	void invalidRequestsAreRejectedWith400(String messagesRequest, String message) {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> translate(messagesRequest))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.getMessage()).isEqualTo(message);
				assertThat(AnthropicErrorEnvelope.of(ex).at("/error/type").stringValue()).isEqualTo("invalid_request_error");
			});
	}

}
