package dev.meridian.gateway.dialect.responses;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseError;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.meridian.gateway.dialect.NamedEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.dialect.responses.OpenAiSdkJson.sdk;
import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.sseData;
import static org.assertj.core.api.Assertions.assertThat;

class ResponsesStreamTranslatorTest {

	private final ResponsesStreamTranslator translator = new ResponsesStreamTranslator(object("""
			{"model":"claude-sonnet","input":"Hi","stream":true,"tools":[{"type":"function","name":"get_weather"}]}
			"""), "claude-sonnet");

	private List<NamedEvent> translate(List<ObjectNode> chunks) {
		List<NamedEvent> events = new ArrayList<>();
		for (ObjectNode chunk : chunks) {
			events.addAll(this.translator.onChunk(chunk));
		}
		events.addAll(this.translator.onEnd());
		return events;
	}

	/**
	 * Checks what every event must have: the SSE name equal to the data's type, sequence numbers
	 * 0, 1, 2..., and a payload the OpenAI SDK parses and validates. Returns the types in order.
	 */
	private static List<String> checkedTypes(List<NamedEvent> events) {
		List<String> types = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			NamedEvent event = events.get(i);
			assertThat(event.data().path("type").stringValue()).isEqualTo(event.name());
			assertThat(event.data().path("sequence_number").asInt(-1)).isEqualTo(i);
			ResponseStreamEvent parsed = sdk(event.data(), ResponseStreamEvent.class);
			assertThat(parsed.isValid()).as(event.name()).isTrue();
			types.add(event.name());
		}
		return types;
	}

	/** The final response as the SDK's own stream accumulator hands it to an application. */
	private static Response accumulated(List<NamedEvent> events) {
		ResponseAccumulator accumulator = ResponseAccumulator.create();
		for (NamedEvent event : events) {
			accumulator.accumulate(sdk(event.data(), ResponseStreamEvent.class));
		}
		return accumulator.response();
	}

	@Test
	void textStream() {
		List<NamedEvent> events = translate(sseData("responses/chat-stream-text.sse"));
		assertThat(checkedTypes(events)).containsExactly("response.created", "response.in_progress",
				"response.output_item.added", "response.content_part.added", "response.output_text.delta",
				"response.output_text.delta", "response.output_text.done", "response.content_part.done",
				"response.output_item.done", "response.completed");

		ObjectNode created = events.get(0).data();
		assertThat(created.path("response").path("id").stringValue()).isEqualTo("resp_B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
		assertThat(created.path("response").path("status").stringValue()).isEqualTo("in_progress");
		assertThat(created.path("response").path("output").isEmpty()).isTrue();
		assertThat(created.path("response").path("usage").isNull()).isTrue();
		assertJson(events.get(2).data(), """
				{"type":"response.output_item.added","sequence_number":2,"output_index":0,
				 "item":{"id":"msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG_0","type":"message","status":"in_progress",
				         "role":"assistant","content":[]}}
				""");
		assertJson(events.get(3).data(), """
				{"type":"response.content_part.added","sequence_number":3,"item_id":"msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG_0",
				 "output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[],"logprobs":[]}}
				""");
		assertJson(events.get(4).data(), """
				{"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG_0",
				 "output_index":0,"content_index":0,"delta":"Hello","logprobs":[]}
				""");
		assertJson(events.get(6).data(), """
				{"type":"response.output_text.done","sequence_number":6,"item_id":"msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG_0",
				 "output_index":0,"content_index":0,"text":"Hello there!","logprobs":[]}
				""");
		assertJson(events.get(8).data(), """
				{"type":"response.output_item.done","sequence_number":8,"output_index":0,
				 "item":{"id":"msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG_0","type":"message","status":"completed","role":"assistant",
				         "content":[{"type":"output_text","text":"Hello there!","annotations":[],"logprobs":[]}]}}
				""");
		ObjectNode completed = (ObjectNode) events.get(9).data().path("response");
		assertThat(completed.path("status").stringValue()).isEqualTo("completed");
		assertJson(completed.path("output").path(0), events.get(8).data().path("item").toString());
		assertJson(completed.path("usage"), """
				{"input_tokens":19,"input_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},
				 "output_tokens":3,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":22}
				""");

		Response response = accumulated(events).validate();
		assertThat(response.output().getFirst().asMessage().content().getFirst().asOutputText().text())
			.isEqualTo("Hello there!");
		assertThat(response.usage().orElseThrow().totalTokens()).isEqualTo(22);
	}

	@Test
	void toolCallStream() {
		List<NamedEvent> events = translate(sseData("responses/chat-stream-tool-call.sse"));
		assertThat(checkedTypes(events)).containsExactly("response.created", "response.in_progress",
				"response.output_item.added", "response.function_call_arguments.delta",
				"response.function_call_arguments.delta", "response.function_call_arguments.done",
				"response.output_item.done", "response.completed");
		assertJson(events.get(2).data(), """
				{"type":"response.output_item.added","sequence_number":2,"output_index":0,
				 "item":{"id":"fc_C1toolcall_0","type":"function_call","status":"in_progress","arguments":"",
				         "call_id":"call_paris","name":"get_weather"}}
				""");
		assertJson(events.get(3).data(), """
				{"type":"response.function_call_arguments.delta","sequence_number":3,"item_id":"fc_C1toolcall_0",
				 "output_index":0,"delta":"{\\"city\\":"}
				""");
		assertJson(events.get(5).data(), """
				{"type":"response.function_call_arguments.done","sequence_number":5,"item_id":"fc_C1toolcall_0",
				 "output_index":0,"arguments":"{\\"city\\":\\"Paris\\"}"}
				""");
		assertJson(events.get(6).data(), """
				{"type":"response.output_item.done","sequence_number":6,"output_index":0,
				 "item":{"id":"fc_C1toolcall_0","type":"function_call","status":"completed",
				         "arguments":"{\\"city\\":\\"Paris\\"}","call_id":"call_paris","name":"get_weather"}}
				""");

		Response response = accumulated(events).validate();
		assertThat(response.status()).contains(ResponseStatus.COMPLETED);
		assertThat(response.output()).hasSize(1);
		assertThat(response.output().getFirst().asFunctionCall().arguments()).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(response.tools().getFirst().asFunction().name()).isEqualTo("get_weather");
	}

	@Test
	void textThenToolCallsAreItemsOneAfterAnother() {
		List<NamedEvent> events = translate(List.of(
				chunk("""
						{"content":"Let me check."}"""),
				chunk("""
						{"tool_calls":[{"index":0,"id":"call_a","function":{"name":"get_weather","arguments":"{}"}}]}"""),
				chunk("""
						{"tool_calls":[{"index":1,"id":"call_b","function":{"name":"get_weather","arguments":"{}"}}]}"""),
				finish("tool_calls")));
		assertThat(checkedTypes(events)).containsExactly("response.created", "response.in_progress",
				"response.output_item.added", "response.content_part.added", "response.output_text.delta",
				"response.output_text.done", "response.content_part.done", "response.output_item.done",
				"response.output_item.added", "response.function_call_arguments.delta",
				"response.function_call_arguments.done", "response.output_item.done",
				"response.output_item.added", "response.function_call_arguments.delta",
				"response.function_call_arguments.done", "response.output_item.done", "response.completed");
		assertThat(events.stream()
			.filter(event -> event.name().equals("response.output_item.added"))
			.map(event -> event.data().path("output_index").asInt() + ":" + event.data().path("item").path("id").stringValue()))
			.containsExactly("0:msg_stream_0", "1:fc_stream_1", "2:fc_stream_2");

		Response response = accumulated(events).validate();
		assertThat(response.output()).hasSize(3);
		assertThat(response.output().get(2).asFunctionCall().callId()).isEqualTo("call_b");
		// No usage chunk came: the response completes at the end of the stream, without usage.
		assertThat(response.usage()).isEmpty();
	}

	@Test
	void lengthFinishIsIncomplete() {
		List<NamedEvent> events = translate(List.of(chunk("""
				{"content":"Once upon a"}"""), finish("length"), usageOnly()));
		assertThat(checkedTypes(events)).endsWith("response.output_item.done", "response.incomplete");
		ObjectNode itemDone = events.get(events.size() - 2).data();
		assertThat(itemDone.path("item").path("status").stringValue()).isEqualTo("incomplete");

		Response response = accumulated(events).validate();
		assertThat(response.status()).contains(ResponseStatus.INCOMPLETE);
		assertThat(response.incompleteDetails().orElseThrow().reason().orElseThrow().asString())
			.isEqualTo("max_output_tokens");
		assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(3);
	}

	@Test
	void upstreamFailureMidStream() {
		List<NamedEvent> events = new ArrayList<>();
		events.addAll(this.translator.onChunk(chunk("""
				{"content":"Hel"}""")));
		events.addAll(this.translator.onError(502, "The provider closed the connection."));
		assertThat(checkedTypes(events)).containsExactly("response.created", "response.in_progress",
				"response.output_item.added", "response.content_part.added", "response.output_text.delta",
				"response.failed");
		ObjectNode failed = (ObjectNode) events.getLast().data().path("response");
		assertThat(failed.path("status").stringValue()).isEqualTo("failed");
		assertJson(failed.path("error"), """
				{"code":"server_error","message":"The provider closed the connection."}
				""");
		assertThat(failed.path("output").path(0).path("status").stringValue()).isEqualTo("incomplete");
		assertThat(this.translator.onEnd()).isEmpty();
		assertThat(this.translator.onChunk(finish("stop"))).isEmpty();

		Response response = sdk(events.getLast().data(), ResponseStreamEvent.class).asFailed().response().validate();
		assertThat(response.status()).contains(ResponseStatus.FAILED);
		ResponseError error = response.error().orElseThrow();
		assertThat(error.code().known()).isEqualTo(ResponseError.Code.Known.SERVER_ERROR);
		assertThat(error.message()).isEqualTo("The provider closed the connection.");
	}

	@Test
	void failureBeforeAnyChunkStillStartsTheResponse() {
		List<NamedEvent> events = this.translator.onError(429, "Rate limit reached.");
		assertThat(checkedTypes(events)).containsExactly("response.created", "response.in_progress", "response.failed");
		Response response = sdk(events.getLast().data(), ResponseStreamEvent.class).asFailed().response().validate();
		assertThat(response.id()).startsWith("resp_");
		assertThat(response.error().orElseThrow().code().known()).isEqualTo(ResponseError.Code.Known.RATE_LIMIT_EXCEEDED);
	}

	@Test
	void eventsAfterTheResponseCompletedAreIgnored() {
		translate(sseData("responses/chat-stream-text.sse"));
		assertThat(this.translator.onChunk(chunk("""
				{"content":"late"}"""))).isEmpty();
		assertThat(this.translator.onError(500, "late")).isEmpty();
	}

	@Test
	void rendersServerSentEvents() {
		NamedEvent event = new NamedEvent("response.output_text.delta", object("""
				{"type":"response.output_text.delta","sequence_number":4,"delta":"h\\u00e9\\n"}
				"""));
		assertThat(new String(event.toBytes(), StandardCharsets.UTF_8)).isEqualTo("""
				event: response.output_text.delta
				data: {"type":"response.output_text.delta","sequence_number":4,"delta":"hé\\n"}

				""");
	}

	private static ObjectNode chunk(String delta) {
		return object("""
				{"id":"chatcmpl-stream","object":"chat.completion.chunk","created":1741570400,"model":"x",
				 "choices":[{"index":0,"delta":%s,"finish_reason":null}]}
				""".formatted(delta));
	}

	private static ObjectNode finish(String reason) {
		return object("""
				{"id":"chatcmpl-stream","object":"chat.completion.chunk","created":1741570400,"model":"x",
				 "choices":[{"index":0,"delta":{},"finish_reason":"%s"}]}
				""".formatted(reason));
	}

	private static ObjectNode usageOnly() {
		return object("""
				{"id":"chatcmpl-stream","object":"chat.completion.chunk","created":1741570400,"model":"x","choices":[],
				 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}
				""");
	}

}
