package dev.meridian.gateway.proxy;

import java.util.List;
import java.util.Map;

import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import dev.meridian.gateway.testsupport.GeminiMockServer;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The official Anthropic Java SDK talking the Messages API to a model that Gemini serves. */
class AnthropicSdkToGeminiTest extends ProviderIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Tool WEATHER = Tool.builder()
		.name("get_weather")
		.description("The current weather in a city")
		.inputSchema(Tool.InputSchema.builder()
			.properties(Tool.InputSchema.Properties.builder()
				.putAdditionalProperty("city", JsonValue.from(Map.of("type", "string")))
				.putAdditionalProperty("unit", JsonValue.from(Map.of("type", "string")))
				.build())
			.addRequired("city")
			.build())
		.build();

	@Test
	void aStreamFromGeminiAccumulatesIntoTheWholeMessage() {
		MessageAccumulator accumulator = MessageAccumulator.create();
		try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk().messages()
			.createStreaming(MessageCreateParams.builder()
				.model(GEMINI)
				.maxTokens(300)
				.system("Be brief.")
				.addUserMessage("Say hello")
				.build())) {
			stream.stream().forEach(accumulator::accumulate);
		}

		Message message = accumulator.message();
		assertThat(message.model().asString()).isEqualTo(GEMINI);
		assertThat(message.content()).singleElement()
			.satisfies(block -> assertThat(block.text().orElseThrow().text()).isEqualTo(GeminiMockServer.REPLY));
		assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
		assertThat(message.usage().outputTokens())
			.isEqualTo(GeminiMockServer.CANDIDATES_TOKENS + GeminiMockServer.THOUGHTS_TOKENS);

		JsonNode received = gemini.lastRequest().json();
		assertThat(gemini.lastRequest().path()).endsWith(":streamGenerateContent?alt=sse");
		assertThat(received.path("systemInstruction")).isEqualTo(JSON.readTree("{\"parts\": [{\"text\": \"Be brief.\"}]}"));
		assertThat(received.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(300);
	}

	@Test
	void aToolUseGoesRoundTripAndTheResultReachesGeminiAsAFunctionResponse() {
		MessageCreateParams ask = MessageCreateParams.builder()
			.model(GEMINI)
			.maxTokens(300)
			.addUserMessage("What is the weather in Paris?")
			.addTool(WEATHER)
			.build();
		Message message = anthropicSdk().messages().create(ask);

		assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
		ToolUseBlock toolUse = message.content().stream().flatMap(block -> block.toolUse().stream()).findFirst()
			.orElseThrow();
		assertThat(toolUse.name()).isEqualTo("get_weather");
		assertThat(toolUse._input()).isEqualTo(JsonValue.from(Map.of("city", "Paris", "unit", "celsius")));

		Message answer = anthropicSdk().messages()
			.create(ask.toBuilder()
				.addMessage(message)
				.addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
						ToolResultBlockParam.builder().toolUseId(toolUse.id()).content("18°C, sunny").build())))
				.build());

		assertThat(answer.content().getFirst().text().orElseThrow().text()).isEqualTo(GeminiMockServer.REPLY);
		JsonNode contents = gemini.lastRequest().json().path("contents");
		assertThat(contents.get(1).path("parts").path(0).path("functionCall").path("name").asString())
			.isEqualTo("get_weather");
		assertThat(contents.get(2)).isEqualTo(JSON.readTree("""
				{"role": "user", "parts": [{"functionResponse": {"name": "get_weather",
				  "response": {"content": "18°C, sunny"}}}]}"""));
	}

}
