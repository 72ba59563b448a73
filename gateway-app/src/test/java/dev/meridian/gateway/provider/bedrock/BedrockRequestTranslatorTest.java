package dev.meridian.gateway.provider.bedrock;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BedrockRequestTranslatorTest {

	private final BedrockRequestTranslator translator = new BedrockRequestTranslator();

	@Test
	void plainUserMessageBecomesOneUserTurnWithNothingElse() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"model":"claude","messages":[{"role":"user","content":"Hello"}]}"""));

		assertThat(converse).isEqualTo(object("""
				{"messages":[{"role":"user","content":[{"text":"Hello"}]}]}"""));
	}

	@Test
	void systemAndDeveloperMessagesAreLiftedIntoTheSystemPromptWhereverTheyAppear() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[
				 {"role":"system","content":"Be brief."},
				 {"role":"user","content":"Hi"},
				 {"role":"developer","content":[{"type":"text","text":"Answer in French."}]}]}"""));

		assertThat(converse.get("system")).isEqualTo(object("""
				{"s":[{"text":"Be brief."},{"text":"Answer in French."}]}""").get("s"));
		assertThat(converse.get("messages")).hasSize(1);
	}

	@Test
	void consecutiveTurnsOfOneRoleAreMergedSoRolesAlternate() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[
				 {"role":"user","content":"First"},
				 {"role":"user","content":[{"type":"text","text":"Second"}]},
				 {"role":"assistant","content":"Answer"},
				 {"role":"assistant","content":"More"},
				 {"role":"user","content":"Third"}]}"""));

		assertThat(converse.get("messages")).isEqualTo(object("""
				{"m":[
				 {"role":"user","content":[{"text":"First"},{"text":"Second"}]},
				 {"role":"assistant","content":[{"text":"Answer"},{"text":"More"}]},
				 {"role":"user","content":[{"text":"Third"}]}]}""").get("m"));
	}

	@Test
	void aConversationOpenedByTheAssistantGetsAMinimalUserTurnFirst() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[
				 {"role":"system","content":"You are a shop assistant."},
				 {"role":"assistant","content":"Welcome! How can I help?"},
				 {"role":"user","content":"Opening hours?"}]}"""));

		JsonNode messages = converse.get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(0)).isEqualTo(object("""
				{"role":"user","content":[{"text":"."}]}"""));
		assertThat(messages.get(1).path("role").stringValue()).isEqualTo("assistant");
	}

	@Test
	void blankTextIsDroppedBecauseBedrockRejectsIt() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[
				 {"role":"user","content":"Question"},
				 {"role":"assistant","content":""},
				 {"role":"user","content":[{"type":"text","text":"  "},{"type":"text","text":"Again"}]}]}"""));

		assertThat(converse.get("messages")).isEqualTo(object("""
				{"m":[{"role":"user","content":[{"text":"Question"},{"text":"Again"}]}]}""").get("m"));
	}

	@Test
	void toolCallsAndResultsRoundTripIntoToolUseAndToolResultBlocks() {
		ObjectNode converse = this.translator.toConverseRequest(resource("bedrock/chat-request-tools.json"));

		assertThat(converse).isEqualTo(resource("bedrock/converse-request-tools.json"));
	}

	@Test
	void aToolResultGivenAsAJsonObjectTravelsAsJson() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[
				 {"role":"user","content":"Weather?"},
				 {"role":"assistant","tool_calls":[{"id":"t1","type":"function","function":{"name":"w","arguments":""}}]},
				 {"role":"tool","tool_call_id":"t1","content":{"celsius":18}}],
				 "tools":[{"type":"function","function":{"name":"w"}}]}"""));

		JsonNode messages = converse.get("messages");
		assertThat(messages.get(1).at("/content/0/toolUse/input")).isEqualTo(object("{}"));
		assertThat(messages.get(2).at("/content/0/toolResult/content/0/json")).isEqualTo(object("""
				{"celsius":18}"""));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"required"                                        | {"any":{}}
			{"type":"function","function":{"name":"get_time"}} | {"tool":{"name":"get_time"}}
			""")
	void toolChoiceMapsToBedrocksChoices(String openAiChoice, String bedrockChoice) {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":"Time?"}],
				 "tools":[{"type":"function","function":{"name":"get_time"}}],
				 "tool_choice":%s}""".formatted(openAiChoice)));

		assertThat(converse.at("/toolConfig/toolChoice")).isEqualTo(object(bedrockChoice));
	}

	@Test
	void autoToolChoiceIsBedrocksDefaultAndIsNotSent() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":"Time?"}],
				 "tools":[{"type":"function","function":{"name":"get_time"}}],
				 "tool_choice":"auto"}"""));

		assertThat(converse.at("/toolConfig/tools")).hasSize(1);
		assertThat(converse.at("/toolConfig/toolChoice").isMissingNode()).isTrue();
	}

	@Test
	void toolChoiceNoneWithoutToolHistoryLeavesTheToolsOut() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":"Time?"}],
				 "tools":[{"type":"function","function":{"name":"get_time"}}],
				 "tool_choice":"none"}"""));

		assertThat(converse.has("toolConfig")).isFalse();
	}

	@Test
	void toolChoiceNoneKeepsTheToolsWhenTheHistoryUsesThemBecauseBedrockRequiresThem() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[
				 {"role":"user","content":"Time?"},
				 {"role":"assistant","tool_calls":[{"id":"t1","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
				 {"role":"tool","tool_call_id":"t1","content":"noon"}],
				 "tools":[{"type":"function","function":{"name":"get_time"}}],
				 "tool_choice":"none"}"""));

		assertThat(converse.at("/toolConfig/tools/0/toolSpec/name").stringValue()).isEqualTo("get_time");
		assertThat(converse.at("/toolConfig/toolChoice").isMissingNode()).isTrue();
	}

	@Test
	void base64ImagesBecomeImageBlocksWithTheirFormat() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":[
				 {"type":"text","text":"What is this?"},
				 {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo=","detail":"high"}},
				 {"type":"image_url","image_url":{"url":"data:image/jpg;base64,/9j/4AAQ"}}]}]}"""));

		assertThat(converse.at("/messages/0/content")).isEqualTo(object("""
				{"c":[{"text":"What is this?"},
				 {"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}},
				 {"image":{"format":"jpeg","source":{"bytes":"/9j/4AAQ"}}}]}""").get("c"));
	}

	@Test
	void imageUrlsAreRejectedBecauseConverseCannotFetchThem() {
		assertThatThrownBy(() -> this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":[
				 {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("unsupported_value");
				assertThat(ex.getMessage()).contains("messages[0].content[0]").contains("base64 data URLs");
			});
	}

	@Test
	void imageTypesBedrockDoesNotKnowAreRejected() {
		assertThatThrownBy(() -> this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":[
				 {"type":"image_url","image_url":{"url":"data:image/tiff;base64,AAAA"}}]}]}""")))
			.isInstanceOfSatisfying(GatewayException.class,
					ex -> assertThat(ex.getMessage()).contains("image/tiff").contains("png, jpeg, gif or webp"));
	}

	@Test
	void imagesInASystemPromptAreRejected() {
		assertThatThrownBy(() -> this.translator.toConverseRequest(object("""
				{"messages":[{"role":"system","content":[
				 {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]},
				 {"role":"user","content":"Hi"}]}""")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@Test
	void moreThanOneChoiceIsRefused() {
		assertThatThrownBy(() -> this.translator.toConverseRequest(object("""
				{"n":2,"messages":[{"role":"user","content":"Hi"}]}""")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("n must be 1");
			});
	}

	@Test
	void toolArgumentsThatAreNotJsonAreRefused() {
		assertThatThrownBy(() -> this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":"Hi"},
				 {"role":"assistant","tool_calls":[{"id":"t1","type":"function",
				  "function":{"name":"w","arguments":"{city"}}]}]}""")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.getMessage()).isEqualTo("messages[1].tool_calls[0].function.arguments is not valid JSON");
			});
	}

	@Test
	void aRequestWithOnlyASystemPromptIsRefused() {
		assertThatThrownBy(() -> this.translator.toConverseRequest(object("""
				{"messages":[{"role":"system","content":"Be brief."}]}""")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@Test
	void maxCompletionTokensWinsTemperatureIsClampedAndAStopStringBecomesAList() {
		ObjectNode converse = this.translator.toConverseRequest(object("""
				{"messages":[{"role":"user","content":"Hi"}],
				 "max_completion_tokens":300,"max_tokens":100,"temperature":1.7,"stop":"###"}"""));

		assertThat(converse.get("inferenceConfig")).isEqualTo(object("""
				{"maxTokens":300,"temperature":1.0,"stopSequences":["###"]}"""));
	}

	@Test
	void theModelIdIsOnePercentEncodedPathSegment() {
		assertThat(BedrockRequestTranslator.conversePath("anthropic.claude-3-5-sonnet-20240620-v1:0", false))
			.isEqualTo("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse");
		assertThat(BedrockRequestTranslator.conversePath(
				"arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
				true))
			.isEqualTo("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile"
					+ "%2Fus.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse-stream");
	}

}
