package dev.meridian.gateway.dialect.responses;

import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.dialect.responses.OpenAiSdkJson.sdk;
import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ResponsesResponseTranslatorTest {

	private final ResponsesResponseTranslator translator = new ResponsesResponseTranslator();

	@Test
	void textCompletion() {
		ObjectNode response = this.translator.toResponse(resource("responses/chat-completion-text.json"),
				object("""
						{"model":"claude-sonnet","input":"Hi"}
						"""), "claude-sonnet");
		assertJson(response, """
				{"id":"resp_B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"response","created_at":1741569952,
				 "status":"completed","background":false,"error":null,"incomplete_details":null,
				 "instructions":null,"max_output_tokens":null,"model":"claude-sonnet",
				 "output":[{"id":"msg_B9MBs8CjcvOU2jLn4n570S5qMJKcT_0","type":"message","status":"completed","role":"assistant",
				            "content":[{"type":"output_text","text":"Hello! How can I help you today?","annotations":[],"logprobs":[]}]}],
				 "parallel_tool_calls":true,"previous_response_id":null,"reasoning":null,"store":false,
				 "temperature":null,"text":{"format":{"type":"text"}},"tool_choice":"auto","tools":[],"top_p":null,
				 "truncation":"disabled",
				 "usage":{"input_tokens":19,"input_tokens_details":{"cached_tokens":4,"cache_write_tokens":0},
				          "output_tokens":10,"output_tokens_details":{"reasoning_tokens":2},"total_tokens":29},
				 "user":null,"metadata":{}}
				""");

		Response parsed = sdk(response, Response.class).validate();
		assertThat(parsed.status()).contains(ResponseStatus.COMPLETED);
		assertThat(parsed.output().getFirst().asMessage().content().getFirst().asOutputText().text())
			.isEqualTo("Hello! How can I help you today?");
		assertThat(parsed.usage().orElseThrow().inputTokensDetails().cachedTokens()).isEqualTo(4);
	}

	@Test
	void toolCallsAreFunctionCallItems() {
		ObjectNode response = this.translator.toResponse(resource("responses/chat-completion-tool-calls.json"), object("""
				{"model":"claude-sonnet","input":"Weather in Paris and Rome?",
				 "tools":[{"type":"function","name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}}}],
				 "tool_choice":"required"}
				"""), "claude-sonnet");
		assertJson(response.path("output"), """
				[{"id":"fc_B9MHDbslfkBeAs8l4bebGdFOJ6PeG_0","type":"function_call","status":"completed",
				  "arguments":"{\\"city\\":\\"Paris\\"}","call_id":"call_paris","name":"get_weather"},
				 {"id":"fc_B9MHDbslfkBeAs8l4bebGdFOJ6PeG_1","type":"function_call","status":"completed",
				  "arguments":"{\\"city\\":\\"Rome\\"}","call_id":"call_rome","name":"get_weather"}]
				""");
		assertJson(response.path("tools"), """
				[{"type":"function","name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":null}]
				""");

		Response parsed = sdk(response, Response.class).validate();
		ResponseFunctionToolCall call = parsed.output().get(1).asFunctionCall();
		assertThat(call.callId()).isEqualTo("call_rome");
		assertThat(call.arguments()).isEqualTo("{\"city\":\"Rome\"}");
		assertThat(parsed.tools().getFirst().asFunction().name()).isEqualTo("get_weather");
		assertThat(parsed.toolChoice().asOptions().asString()).isEqualTo("required");
	}

	@Test
	void requestSettingsAreEchoedAsTheSdkReadsThem() {
		ObjectNode request = object("""
				{"model":"claude-sonnet","instructions":"Be brief.","input":"Hi","max_output_tokens":100,
				 "temperature":0.5,"top_p":1,"parallel_tool_calls":false,"user":"user-42","metadata":{"ticket":"T-1"},
				 "reasoning":{"effort":"low"},
				 "text":{"format":{"type":"json_schema","name":"answer","schema":{"type":"object"},"strict":true}},
				 "tools":[{"type":"function","name":"f","description":"Does f"}],
				 "tool_choice":{"type":"function","name":"f"}}
				""");
		Response parsed = sdk(this.translator.toResponse(resource("responses/chat-completion-text.json"), request, "claude-sonnet"),
				Response.class)
			.validate();
		assertThat(parsed.instructions().orElseThrow().asString()).isEqualTo("Be brief.");
		assertThat(parsed.maxOutputTokens()).contains(100L);
		assertThat(parsed.temperature()).contains(0.5);
		assertThat(parsed.parallelToolCalls()).isFalse();
		assertThat(parsed.user()).contains("user-42");
		assertThat(parsed.metadata().orElseThrow()._additionalProperties()).containsKey("ticket");
		assertThat(parsed.text().orElseThrow().format().orElseThrow().asJsonSchema().name()).isEqualTo("answer");
		assertThat(parsed.tools().getFirst().asFunction().description()).contains("Does f");
		assertThat(parsed.toolChoice().asFunction().name()).isEqualTo("f");
	}

	@Test
	void lengthFinishIsIncomplete() {
		ObjectNode chat = resource("responses/chat-completion-text.json");
		((ObjectNode) chat.path("choices").path(0)).put("finish_reason", "length");
		ObjectNode response = this.translator.toResponse(chat, object("""
				{"model":"claude-sonnet","input":"Hi","max_output_tokens":10}
				"""), "claude-sonnet");
		assertThat(response.path("status").stringValue()).isEqualTo("incomplete");
		assertJson(response.path("incomplete_details"), """
				{"reason":"max_output_tokens"}
				""");
		assertThat(response.path("output").path(0).path("status").stringValue()).isEqualTo("incomplete");

		Response parsed = sdk(response, Response.class).validate();
		assertThat(parsed.status()).contains(ResponseStatus.INCOMPLETE);
		assertThat(parsed.incompleteDetails().orElseThrow().reason().orElseThrow().asString())
			.isEqualTo("max_output_tokens");
	}

	@Test
	void emptyReplyStillHasItsMessage() {
		ObjectNode response = this.translator.toResponse(object("""
				{"id":"chatcmpl-empty","object":"chat.completion","created":1,"model":"x",
				 "choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"stop"}]}
				"""), object("""
				{"model":"claude-sonnet","input":"Hi"}
				"""), "claude-sonnet");
		assertJson(response.path("output"), """
				[{"id":"msg_empty_0","type":"message","status":"completed","role":"assistant",
				  "content":[{"type":"output_text","text":"","annotations":[],"logprobs":[]}]}]
				""");
		assertThat(response.path("usage").isNull()).isTrue();
		sdk(response, Response.class).validate();
	}

}
