package dev.meridian.gateway.dialect.responses;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.openAiEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResponsesRequestTranslatorTest {

	private final ResponsesRequestTranslator translator = new ResponsesRequestTranslator();

	private ObjectNode translate(String responsesRequest) {
		return this.translator.toChatRequest(object(responsesRequest));
	}

	private GatewayException refused(String responsesRequest) {
		return catchThrowableOfType(GatewayException.class, () -> translate(responsesRequest));
	}

	@Test
	void plainStringInputIsOneUserMessage() {
		assertJson(translate("""
				{"model":"claude-sonnet","input":"Tell me a joke."}
				"""), """
				{"model":"claude-sonnet","messages":[{"role":"user","content":"Tell me a joke."}]}
				""");
	}

	@Test
	void instructionsAndSettings() {
		assertJson(translate("""
				{"model":"claude-sonnet","instructions":"Answer in French.","input":"Hello",
				 "max_output_tokens":256,"temperature":0.2,"top_p":0.9,"reasoning":{"effort":"low","summary":"auto"},
				 "user":"user-42","metadata":{"ticket":"T-1"},"store":true,"truncation":"auto",
				 "include":["reasoning.encrypted_content"],"text":{"format":{"type":"text"},"verbosity":"low"}}
				"""), """
				{"model":"claude-sonnet",
				 "messages":[{"role":"system","content":"Answer in French."},{"role":"user","content":"Hello"}],
				 "max_tokens":256,"temperature":0.2,"top_p":0.9,"reasoning_effort":"low","user":"user-42"}
				""");
	}

	@Test
	void streamAsksForUsage() {
		assertJson(translate("""
				{"model":"m","input":"Hi","stream":true}
				"""), """
				{"model":"m","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true}}
				""");
	}

	@Test
	void multiTurnItems() {
		assertJson(translate("""
				{"model":"m","input":[
				  {"role":"developer","content":"Be brief."},
				  {"type":"message","role":"user","content":[{"type":"input_text","text":"What is 2+2?"}]},
				  {"type":"reasoning","id":"rs_1","summary":[],"encrypted_content":"gAAAA"},
				  {"type":"message","id":"msg_1","status":"completed","role":"assistant",
				   "content":[{"type":"output_text","text":"4","annotations":[]}]},
				  {"role":"user","content":[{"type":"input_text","text":"And 3+3?"},{"type":"input_text","text":"Show work."}]}
				]}
				"""), """
				{"model":"m","messages":[
				  {"role":"system","content":"Be brief."},
				  {"role":"user","content":"What is 2+2?"},
				  {"role":"assistant","content":"4"},
				  {"role":"user","content":[{"type":"text","text":"And 3+3?"},{"type":"text","text":"Show work."}]}
				]}
				""");
	}

	@Test
	void functionToolsRoundTrip() {
		assertJson(translate("""
				{"model":"m",
				 "tools":[{"type":"function","name":"get_weather","description":"Weather for a city",
				           "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},
				           "strict":true},
				          {"type":"function","name":"get_time","parameters":null,"strict":null}],
				 "tool_choice":{"type":"function","name":"get_weather"},
				 "parallel_tool_calls":false,
				 "input":[
				  {"role":"user","content":"Weather in Paris and Rome?"},
				  {"type":"message","role":"assistant","content":[{"type":"output_text","text":"Checking both.","annotations":[]}]},
				  {"type":"function_call","id":"fc_1","call_id":"call_paris","name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}","status":"completed"},
				  {"type":"function_call","id":"fc_2","call_id":"call_rome","name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"},
				  {"type":"function_call_output","call_id":"call_paris","output":"18C, sunny"},
				  {"type":"function_call_output","call_id":"call_rome","output":[{"type":"input_text","text":"24C, clear"}]}
				 ]}
				"""), """
				{"model":"m",
				 "messages":[
				  {"role":"user","content":"Weather in Paris and Rome?"},
				  {"role":"assistant","content":"Checking both.","tool_calls":[
				    {"id":"call_paris","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
				    {"id":"call_rome","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
				  {"role":"tool","tool_call_id":"call_paris","content":"18C, sunny"},
				  {"role":"tool","tool_call_id":"call_rome","content":"24C, clear"}],
				 "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather for a city",
				           "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},
				           "strict":true}},
				          {"type":"function","function":{"name":"get_time"}}],
				 "tool_choice":{"type":"function","function":{"name":"get_weather"}},
				 "parallel_tool_calls":false}
				""");
	}

	@Test
	void functionCallWithoutAssistantTextStartsAnAssistantTurn() {
		assertJson(translate("""
				{"model":"m","input":[
				  {"role":"user","content":"Time?"},
				  {"type":"function_call","call_id":"call_1","name":"get_time","arguments":"{}"},
				  {"type":"function_call_output","call_id":"call_1","output":"12:00"},
				  {"type":"function_call","call_id":"call_2","name":"get_time","arguments":"{}"}
				]}
				"""), """
				{"model":"m","messages":[
				  {"role":"user","content":"Time?"},
				  {"role":"assistant","content":null,"tool_calls":[
				    {"id":"call_1","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
				  {"role":"tool","tool_call_id":"call_1","content":"12:00"},
				  {"role":"assistant","content":null,"tool_calls":[
				    {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]}
				]}
				""");
	}

	@Test
	void toolChoiceWithoutToolsIsNotSent() {
		assertJson(translate("""
				{"model":"m","input":"Hi","tool_choice":"required","parallel_tool_calls":true}
				"""), """
				{"model":"m","messages":[{"role":"user","content":"Hi"}]}
				""");
	}

	@Test
	void allowedToolsNarrowTheToolsOffered() {
		ObjectNode chat = translate("""
				{"model":"m","input":"Hi",
				 "tools":[{"type":"function","name":"a"},{"type":"function","name":"b"}],
				 "tool_choice":{"type":"allowed_tools","mode":"required","tools":[{"type":"function","name":"b"}]}}
				""");
		assertJson(chat.path("tools"), """
				[{"type":"function","function":{"name":"b"}}]
				""");
		assertThat(chat.path("tool_choice").stringValue()).isEqualTo("required");
	}

	@Test
	void images() {
		assertJson(translate("""
				{"model":"m","input":[{"role":"user","content":[
				  {"type":"input_text","text":"What is in these?"},
				  {"type":"input_image","image_url":"https://example.com/cat.png","detail":"low"},
				  {"type":"input_image","image_url":"data:image/png;base64,iVBORw0KGgo="}
				]}]}
				"""), """
				{"model":"m","messages":[{"role":"user","content":[
				  {"type":"text","text":"What is in these?"},
				  {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}},
				  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}
				]}]}
				""");
	}

	@Test
	void imageByFileIdIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","input":[{"role":"user","content":[{"type":"input_image","file_id":"file-abc","detail":"auto"}]}]}
				""");
		assertThat(refused.status().value()).isEqualTo(400);
		assertThat(refused.param()).isEqualTo("input[0].content[0].file_id");
		assertThat(refused.code()).isEqualTo("unsupported_value");
		assertThat(refused.getMessage()).contains("file_id", "non-OpenAI models", "image_url");
	}

	@Test
	void imageOutsideAUserMessageIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","input":[{"type":"function_call_output","call_id":"c","output":[
				  {"type":"input_image","image_url":"https://example.com/chart.png"}]}]}
				""");
		assertThat(refused.param()).isEqualTo("input[0].output[0]");
	}

	@Test
	void jsonSchemaFormat() {
		ObjectNode chat = translate("""
				{"model":"m","input":"Extract the event.",
				 "text":{"format":{"type":"json_schema","name":"calendar_event","description":"An event",
				   "schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false},
				   "strict":true}}}
				""");
		assertJson(chat.path("response_format"), """
				{"type":"json_schema","json_schema":{"name":"calendar_event","description":"An event",
				  "schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"],"additionalProperties":false},
				  "strict":true}}
				""");
	}

	@Test
	void jsonObjectFormat() {
		assertJson(translate("""
				{"model":"m","input":"JSON please","text":{"format":{"type":"json_object"}}}
				""").path("response_format"), """
				{"type":"json_object"}
				""");
	}

	@Test
	void jsonSchemaWithoutNameIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","input":"x","text":{"format":{"type":"json_schema","schema":{"type":"object"}}}}
				""");
		assertThat(refused.param()).isEqualTo("text.format.name");
		assertThat(refused.code()).isEqualTo("missing_required_parameter");
	}

	@Test
	void builtInToolIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","input":"News today?","tools":[{"type":"function","name":"f"},{"type":"web_search"}]}
				""");
		assertThat(refused.status().value()).isEqualTo(400);
		assertThat(refused.param()).isEqualTo("tools[1].type");
		assertThat(refused.getMessage()).isEqualTo(
				"The 'web_search' tool is not supported for non-OpenAI models; only function tools are.");
	}

	@Test
	void builtInToolChoiceIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","input":"x","tools":[{"type":"function","name":"f"}],"tool_choice":{"type":"file_search"}}
				""");
		assertThat(refused.param()).isEqualTo("tool_choice.type");
	}

	@Test
	void previousResponseIdIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","input":"And then?","previous_response_id":"resp_123"}
				""");
		assertThat(refused.status().value()).isEqualTo(400);
		assertThat(refused.param()).isEqualTo("previous_response_id");
		assertThat(refused.code()).isEqualTo("unsupported_parameter");
		assertThat(refused.getMessage()).contains("no conversation state", "non-OpenAI models", "'input'");
	}

	@Test
	void itemReferenceIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","input":[{"type":"item_reference","id":"msg_1"}]}
				""");
		assertThat(refused.param()).isEqualTo("input[0]");
	}

	@Test
	void missingInputIsRefused() {
		GatewayException refused = refused("""
				{"model":"m","instructions":"Be nice."}
				""");
		assertThat(refused.code()).isEqualTo("missing_required_parameter");
		assertThat(refused.param()).isEqualTo("input");
	}

	@Test
	void errorBodyIsTheOpenAiEnvelope() {
		assertJson(openAiEnvelope(refused("""
				{"model":"m","input":"x","background":true}
				""")), """
				{"error":{"message":"background is not supported for non-OpenAI models: Meridian keeps no responses to poll later. Use stream instead.",
				  "type":"invalid_request_error","param":"background","code":"unsupported_parameter"}}
				""");
	}

}
