package dev.meridian.gateway.dialect.anthropic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.dialect.NamedEvent;
import dev.meridian.gateway.testsupport.Fixtures.Event;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.sse;
import static org.assertj.core.api.Assertions.assertThat;

class MessagesStreamTranslatorTest {

	private final MessagesStreamTranslator translator = new MessagesStreamTranslator("claude-sonnet-4-5");

	private List<NamedEvent> translate(String fixture) {
		List<NamedEvent> events = new ArrayList<>();
		for (Event chunk : sse("anthropic/" + fixture)) {
			events.addAll(this.translator.onChunk(chunk.data()));
		}
		events.addAll(this.translator.onEnd());
		return events;
	}

	/** Checks each SSE event name equals its data's type, then returns the data in order. */
	private static ArrayNode data(List<NamedEvent> events) {
		ArrayNode data = JsonNodeFactory.instance.arrayNode();
		for (NamedEvent event : events) {
			assertThat(event.data().path("type").stringValue()).isEqualTo(event.name());
			data.add(event.data());
		}
		return data;
	}

	@Test
	void textStream() {
		List<NamedEvent> events = translate("chat-stream-text.sse");
		assertJson(data(events), """
				[{"type":"message_start","message":{"id":"msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG","type":"message",
				   "role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,
				   "usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}},
				 {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}},
				 {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}},
				 {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" there!"}},
				 {"type":"content_block_stop","index":0},
				 {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},
				  "usage":{"input_tokens":19,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":3}},
				 {"type":"message_stop"}]
				""");
	}

	@Test
	void messageIsClosedWhenTheUsageChunkArrivesNotAtTheFinishReason() {
		List<Event> chunks = sse("anthropic/chat-stream-text.sse");
		List<NamedEvent> atFinish = new ArrayList<>();
		for (Event chunk : chunks.subList(0, 4)) {
			atFinish = this.translator.onChunk(chunk.data());
		}
		assertThat(atFinish).extracting(NamedEvent::name).containsExactly("content_block_stop");
		assertThat(this.translator.onChunk(chunks.get(4).data())).extracting(NamedEvent::name)
			.containsExactly("message_delta", "message_stop");
		assertThat(this.translator.onEnd()).isEmpty();
	}

	@Test
	void toolCallStreamWithArgumentsInSeveralPieces() {
		List<NamedEvent> events = translate("chat-stream-tool-calls.sse");
		assertJson(data(events), """
				[{"type":"message_start","message":{"id":"msg_BkR2qXfpDQJ4Z7v1mWc8sE0nL3aTy","type":"message",
				   "role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,
				   "usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0}}},
				 {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}},
				 {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check."}},
				 {"type":"content_block_stop","index":0},
				 {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"call_DdmO9pD3xa9XTPNJ32zg2hcA","name":"get_weather","input":{}}},
				 {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"lo"}},
				 {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"cation\\": \\"Par"}},
				 {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"is\\"}"}},
				 {"type":"content_block_stop","index":1},
				 {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"call_7HlVx2kQm9BfZp4RtYs1nE3c","name":"get_time","input":{}}},
				 {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\\"timezone\\": \\"Europe/Paris\\"}"}},
				 {"type":"content_block_stop","index":2},
				 {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},
				  "usage":{"input_tokens":186,"cache_creation_input_tokens":0,"cache_read_input_tokens":1024,"output_tokens":48}},
				 {"type":"message_stop"}]
				""");
	}

	@Test
	void toolCallsCompleteInOneChunkGetOneBlockEach() {
		List<NamedEvent> events = new ArrayList<>(this.translator.onChunk(object("""
				{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gemini-2.5-flash",
				 "choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[
				   {"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
				   {"index":1,"id":"call_b","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Lyon\\"}"}}]},
				  "finish_reason":"tool_calls"}]}
				""")));
		events.addAll(this.translator.onEnd());
		assertThat(events).extracting(NamedEvent::name)
			.containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop",
					"content_block_start", "content_block_delta", "content_block_stop", "message_delta",
					"message_stop");
		assertJson(events.get(5).data(), """
				{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\":\\"Lyon\\"}"}}
				""");
	}

	@Test
	void streamWithoutUsageIsClosedAtTheEnd() {
		this.translator.onChunk(object("""
				{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1,"model":"llama3",
				 "choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}
				"""));
		this.translator.onChunk(object("""
				{"id":"chatcmpl-2","object":"chat.completion.chunk","created":1,"model":"llama3",
				 "choices":[{"index":0,"delta":{},"finish_reason":"length"}]}
				"""));
		assertJson(data(this.translator.onEnd()), """
				[{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":0}},
				 {"type":"message_stop"}]
				""");
	}

	@Test
	void emptyUpstreamStreamStillProducesACompleteMessage() {
		assertThat(this.translator.onEnd()).extracting(NamedEvent::name)
			.containsExactly("message_start", "message_delta", "message_stop");
	}

	@Test
	void errorMidStreamEndsTheStream() {
		this.translator.onChunk(object("""
				{"id":"chatcmpl-3","object":"chat.completion.chunk","created":1,"model":"gpt-4o",
				 "choices":[{"index":0,"delta":{"content":"Partial"},"finish_reason":null}]}
				"""));
		List<NamedEvent> events = this.translator.onError(503, "Upstream overloaded");
		assertThat(events).hasSize(1);
		assertThat(events.getFirst().name()).isEqualTo("error");
		assertJson(events.getFirst().data(), """
				{"type":"error","error":{"type":"overloaded_error","message":"Upstream overloaded"}}
				""");
		assertThat(this.translator.onChunk(object("""
				{"id":"chatcmpl-3","choices":[{"index":0,"delta":{"content":"late"},"finish_reason":null}]}
				"""))).isEmpty();
		assertThat(this.translator.onEnd()).isEmpty();
		assertThat(this.translator.onError(502, "again")).isEmpty();
	}

	@Test
	void sseEventRendersAsAnthropicSendsIt() {
		NamedEvent event = new NamedEvent("content_block_delta", object("""
				{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Héllo\\n"}}
				"""));
		assertThat(new String(event.toBytes(), StandardCharsets.UTF_8)).isEqualTo(
				"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Héllo\\n\"}}\n\n");
	}

}
