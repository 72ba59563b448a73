package dev.meridian.gateway.provider.anthropic;

import java.util.ArrayList;
import java.util.List;

import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.testsupport.Fixtures.Event;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AnthropicStreamTranslatorTest {

	private static final long CREATED = 1741570283L;

	private final AnthropicStreamTranslator translator = new AnthropicStreamTranslator("claude-sonnet", CREATED);

	private ArrayNode translate(List<Event> events) {
		ArrayNode chunks = JsonNodeFactory.instance.arrayNode();
		for (Event event : events) {
			this.translator.onEvent(event.name(), event.data()).forEach(chunks::add);
		}
		return chunks;
	}

	@Test
	void textStream() {
		ArrayNode chunks = translate(sse("anthropic/messages-stream-text.sse"));
		String head = """
				"id":"msg_01XFDUDYJgAACzvnptvVoYEL","object":"chat.completion.chunk","created":1741570283,"model":"claude-sonnet"
				""".strip();
		assertJson(chunks, """
				[{%1$s,"choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]},
				 {%1$s,"choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]},
				 {%1$s,"choices":[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":null}]},
				 {%1$s,"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]},
				 {%1$s,"choices":[],"usage":{"prompt_tokens":25,"completion_tokens":15,"total_tokens":40,
				                             "prompt_tokens_details":{"cached_tokens":0}}}]
				""".formatted(head));
	}

	@Test
	void toolUseStreamWithArgumentsInSeveralPiecesAndThinkingLeftOut() {
		ArrayNode chunks = translate(sse("anthropic/messages-stream-tool-use.sse"));
		String head = """
				"id":"msg_014p7gG3wDgGV9EUtLvnow3U","object":"chat.completion.chunk","created":1741570283,"model":"claude-sonnet"
				""".strip();
		String choice = "\"choices\":[{\"index\":0,\"logprobs\":null,\"finish_reason\":null,\"delta\":";
		assertJson(chunks, """
				[{%1$s,%2$s{"role":"assistant","content":""}}]},
				 {%1$s,%2$s{"content":"Okay, let's check the weather for San Francisco, CA:"}}]},
				 {%1$s,%2$s{"tool_calls":[{"index":0,"id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","type":"function",
				                          "function":{"name":"get_weather","arguments":""}}]}}]},
				 {%1$s,%2$s{"tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\":"}}]}}]},
				 {%1$s,%2$s{"tool_calls":[{"index":0,"function":{"arguments":" \\"San Fra"}}]}}]},
				 {%1$s,%2$s{"tool_calls":[{"index":0,"function":{"arguments":"ncisco, CA\\", \\"unit\\": \\"fah"}}]}}]},
				 {%1$s,%2$s{"tool_calls":[{"index":0,"function":{"arguments":"renheit\\"}"}}]}}]},
				 {%1$s,%2$s{"tool_calls":[{"index":1,"id":"toolu_01RzDbZ5Yk3vQKnV6a2B8hJw","type":"function",
				                          "function":{"name":"get_time","arguments":""}}]}}]},
				 {%1$s,%2$s{"tool_calls":[{"index":1,"function":{"arguments":"{\\"timezone\\": \\"America/Los_Angeles\\"}"}}]}}]},
				 {%1$s,"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]},
				 {%1$s,"choices":[],"usage":{"prompt_tokens":2640,"completion_tokens":89,"total_tokens":2729,
				                             "prompt_tokens_details":{"cached_tokens":2048}}}]
				""".formatted(head, choice));
		assertThat(this.translator.usage()).isEqualTo(new AnthropicUsage(472, 89, 2048, 120));
	}

	@Test
	void usageIsAvailableBeforeTheStreamEnds() {
		List<Event> events = sse("anthropic/messages-stream-text.sse");
		this.translator.onEvent(events.get(0).name(), events.get(0).data());
		assertThat(this.translator.usage()).isEqualTo(new AnthropicUsage(25, 1, 0, 0));
		for (Event event : events.subList(1, 7)) {
			this.translator.onEvent(event.name(), event.data());
		}
		assertThat(events.get(6).name()).isEqualTo("message_delta");
		assertThat(this.translator.usage()).isEqualTo(new AnthropicUsage(25, 15, 0, 0));
	}

	@Test
	void eventTypeIsReadFromTheDataWhenTheEventNameIsMissing() {
		List<ObjectNode> chunks = new ArrayList<>();
		for (Event event : sse("anthropic/messages-stream-text.sse")) {
			chunks.addAll(this.translator.onEvent(null, event.data()));
		}
		assertThat(chunks).hasSize(5);
	}

	@Test
	void errorEventRaisesTheMappedError() {
		this.translator.onEvent("message_start", object("""
				{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"x",
				 "content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}}
				"""));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.translator.onEvent("error", object("""
					{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
					""")))
			.satisfies((ex) -> {
				assertThat(ex.status().value()).isEqualTo(503);
				assertThat(ex.code()).isEqualTo("overloaded");
				assertThat(ex.retryable()).isTrue();
			});
		assertThat(this.translator.usage().inputTokens()).isEqualTo(12);
	}

	@Test
	void unknownEventsAndDeltasAreSkipped() {
		assertThat(this.translator.onEvent("future_event", object("{\"type\":\"future_event\"}"))).isEmpty();
		assertThat(this.translator.onEvent("content_block_delta", object("""
				{"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{}}}
				"""))).isEmpty();
	}

}
