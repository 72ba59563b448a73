package dev.meridian.gateway.routing.smart;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Each feature fires on what it should, and stays quiet on what it should not. */
class PromptFeaturesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PromptClassifier classifier = PromptClassifier.DEFAULT;

	@Test
	void tokensAreEstimatedFromTheLastUserMessage() {
		Classification shortOne = chat("Say hello.");
		Classification longOne = chat("word ".repeat(400));

		assertThat(shortOne.value(Feature.TOKENS)).isBetween(1.0, 6.0);
		assertThat(longOne.value(Feature.TOKENS)).isBetween(350.0, 500.0);
		assertThat(longOne.contribution(Feature.TOKENS)).isGreaterThan(0);
		assertThat(shortOne.contribution(Feature.TOKENS)).isZero();
	}

	@Test
	void chineseCountsAboutOneTokenPerCharacterAndAsNonLatin() {
		Classification chinese = chat("请用简单的语言解释一下什么是区块链");
		Classification english = chat("Please explain what a blockchain is in simple words");

		assertThat(chinese.value(Feature.TOKENS)).isCloseTo(17.0, within(4.0));
		assertThat(chinese.value(Feature.NON_LATIN)).isEqualTo(1.0);
		assertThat(english.value(Feature.NON_LATIN)).isZero();
		assertThat(chat("Привет, как дела?").value(Feature.NON_LATIN)).isEqualTo(1.0);
		assertThat(chat("Crème brûlée à la française").value(Feature.NON_LATIN)).isZero();
	}

	@Test
	void codeBlocksAndCodeLikeLinesAreCounted() {
		Classification fenced = chat("""
				Why does this fail?
				```python
				def add(a, b):
				    return a + b
				print(add(1, "2"))
				```""");
		Classification unfenced = chat("int x = 1;\nfor (int i = 0; i < 3; i++) {\n  x *= 2;\n}");
		Classification prose = chat("I walked to the park; it was sunny. Then I went home.");

		assertThat(fenced.value(Feature.CODE_BLOCKS)).isEqualTo(1);
		assertThat(fenced.value(Feature.CODE_LINES)).isEqualTo(3);
		assertThat(unfenced.value(Feature.CODE_BLOCKS)).isZero();
		assertThat(unfenced.value(Feature.CODE_LINES)).isEqualTo(4);
		assertThat(prose.value(Feature.CODE_LINES)).isZero();
		assertThat(prose.value(Feature.CODE_BLOCKS)).isZero();
	}

	@Test
	void programmingWordsAreCodeCues() {
		assertThat(chat("Write a Python function that parses a CSV file").value(Feature.CODE_CUES)).isEqualTo(3);
		assertThat(chat("Write a poem about the sea").value(Feature.CODE_CUES)).isZero();
		assertThat(chat("My functional programming class").value(Feature.CODE_CUES))
			.as("whole words only: 'functional' is not 'function'").isEqualTo(1);
	}

	@Test
	void mathCountsArithmeticSymbolsAndMathWords() {
		assertThat(chat("Solve for x: 3x + 7 = 22").value(Feature.MATH)).isEqualTo(3);
		assertThat(chat("Compute ∫ x² dx and the eigenvalues of the matrix").value(Feature.MATH)).isEqualTo(4);
		assertThat(chat("The meeting is at 10 and lunch at noon, see you there").value(Feature.MATH)).isZero();
		assertThat(chat("```\nx = 5\ny = x + 2\n```").value(Feature.MATH)).as("assignments in code are not math").isZero();
	}

	@Test
	void reasoningCuesAskForCarefulThought() {
		Classification proof = chat("Prove that the square root of 2 is irrational, step by step.");

		assertThat(proof.value(Feature.REASONING_CUES)).isEqualTo(2);
		assertThat(proof.tier()).isEqualTo(Tier.REASONING);
		assertThat(chat("Derive the formula").value(Feature.REASONING_CUES)).as("deriv* matches derive").isEqualTo(1);
		assertThat(chat("Approved: the proofreading is done").value(Feature.REASONING_CUES)).isZero();
	}

	@Test
	void scopeAndTaskCues() {
		Classification design = chat("Design a scalable architecture and compare the trade-offs");

		assertThat(design.value(Feature.SCOPE_CUES)).isEqualTo(4);
		assertThat(design.value(Feature.TASK_CUES)).isEqualTo(1);
		assertThat(chat("Write an email to my landlord").value(Feature.TASK_CUES)).isEqualTo(2);
		assertThat(chat("ok").value(Feature.SCOPE_CUES) + chat("ok").value(Feature.TASK_CUES)).isZero();
	}

	@Test
	void multiStepCountsListItemsAndSequencingWords() {
		Classification steps = chat("""
				Please:
				1. Read the text.
				2) Fix the spelling.
				- make it shorter
				* suggest a title
				Then finally send it back.""");

		assertThat(steps.value(Feature.MULTI_STEP)).isEqualTo(6);
		assertThat(chat("A sunny day in 2024. Nothing else.").value(Feature.MULTI_STEP)).isZero();
	}

	@Test
	void questionsAndClauses() {
		Classification many = chat("What is it? Why? How does it work?? And when, where, by whom; for what?");

		assertThat(many.value(Feature.QUESTIONS)).isEqualTo(4);
		assertThat(many.value(Feature.CLAUSES)).isEqualTo(3);
		assertThat(chat("Is it raining?").contribution(Feature.QUESTIONS)).as("one question is the normal case").isZero();
	}

	@Test
	void contextComesFromEarlierTurnsSystemPromptToolsAndStructuredOutput() throws Exception {
		ObjectNode request = request(List.of(
				Map.of("role", "system", "content", "You are a careful assistant. ".repeat(40)),
				Map.of("role", "user", "content", "Prove Fermat's little theorem with a rigorous argument."),
				Map.of("role", "assistant", "content", "Here is a proof ... ".repeat(100)),
				Map.of("role", "user", "content", "thanks!")));
		request.set("tools", JSON.readTree("""
				[{"type":"function","function":{"name":"a","parameters":{}}},
				 {"type":"function","function":{"name":"b","parameters":{}}}]"""));
		request.set("response_format", JSON.readTree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\"}}"));

		Classification classification = classify(request);

		assertThat(classification.value(Feature.REASONING_CUES)).as("only the last user message is scored").isZero();
		assertThat(classification.value(Feature.SIMPLE_CUES)).isEqualTo(1);
		assertThat(classification.value(Feature.CONVERSATION_DEPTH)).isEqualTo(2);
		assertThat(classification.value(Feature.SYSTEM_PROMPT_TOKENS)).isBetween(200.0, 320.0);
		assertThat(classification.value(Feature.CONTEXT_TOKENS)).as("earlier turns and tool schemas")
			.isBetween(450.0, 800.0);
		assertThat(classification.value(Feature.TOOLS)).isEqualTo(2);
		assertThat(classification.value(Feature.STRUCTURED_OUTPUT)).isEqualTo(2);
		assertThat(chat("hi").value(Feature.STRUCTURED_OUTPUT)).isZero();
		assertThat(chat("hi").value(Feature.CONVERSATION_DEPTH)).isZero();
	}

	@Test
	void imagesAreCountedWithoutReadingTheirData() {
		String data = "data:image/png;base64," + "QUJD".repeat(20_000);
		ObjectNode request = request(List.of(Map.of("role", "user", "content", List.of(
				Map.of("type", "text", "text", "What is in these pictures?"),
				Map.of("type", "image_url", "image_url", Map.of("url", data)),
				Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/a.png"))))));

		Classification classification = classify(request);

		assertThat(classification.value(Feature.IMAGES)).isEqualTo(2);
		assertThat(classification.value(Feature.TOKENS)).as("the image data is not text").isLessThan(15);
		assertThat(classification.value(Feature.CONTEXT_TOKENS)).isLessThan(15);
		assertThat(chat("What is in this picture?").value(Feature.IMAGES)).isZero();
	}

	@Test
	void simpleCuesPullSmallTalkDown() {
		Classification hello = chat("Hello! Thanks for the help.");

		assertThat(hello.value(Feature.SIMPLE_CUES)).isEqualTo(2);
		assertThat(hello.contribution(Feature.SIMPLE_CUES)).isNegative();
		assertThat(hello.tier()).isEqualTo(Tier.SIMPLE);
		assertThat(chat("Ship it").value(Feature.SIMPLE_CUES)).as("'hi' only as a word").isZero();
	}

	@Test
	void cuesInTheMiddleOfALongPasteAreMaterialNotInstructions() {
		String filler = "The weather was mild and the market was calm. ".repeat(30);
		String document = filler + "The committee must prove its case. " + filler;
		Classification summary = chat("Summarize this article:\n\n" + document + "\n\nKeep it short.");

		assertThat(summary.value(Feature.REASONING_CUES)).isZero();
		assertThat(summary.value(Feature.TASK_CUES)).as("the instruction before the paste").isEqualTo(1);
		assertThat(summary.value(Feature.TOKENS)).as("all of it counts as length").isGreaterThan(500);
		assertThat(chat("The committee must prove its case.").value(Feature.REASONING_CUES)).isEqualTo(1);
	}

	@Test
	void anthropicMessagesAreRead() throws Exception {
		Classification classification = classifier.classify(JSON.writeValueAsBytes(JSON.readTree("""
				{"model":"auto","max_tokens":100,"system":[{"type":"text","text":"You are a helpful assistant for a bank."}],
				 "tools":[{"name":"lookup","input_schema":{"type":"object"}}],
				 "messages":[
				   {"role":"user","content":[{"type":"text","text":"Prove that the algorithm terminates."},
				     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"QUJD"}}]},
				   {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"lookup","input":{"q":"x"}}]},
				   {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"42 rows"}]}]}""")));

		assertThat(classification.value(Feature.REASONING_CUES)).as("a tool result is not the user's instruction")
			.isEqualTo(1);
		assertThat(classification.value(Feature.IMAGES)).isEqualTo(1);
		assertThat(classification.value(Feature.TOOLS)).isEqualTo(1);
		assertThat(classification.value(Feature.SYSTEM_PROMPT_TOKENS)).isGreaterThan(0);
		assertThat(classification.value(Feature.CONVERSATION_DEPTH)).isZero();
	}

	@Test
	void responsesRequestsAreRead() throws Exception {
		Classification plain = classifier.classify("""
				{"model":"auto","instructions":"Be brief.","input":"Write a Python function to merge two sorted lists"}"""
			.getBytes());
		Classification items = classifier.classify(JSON.writeValueAsBytes(JSON.readTree("""
				{"model":"auto","text":{"format":{"type":"json_object"}},
				 "input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"hello"},
				   {"type":"input_image","image_url":"https://example.com/x.png"}]},
				   {"type":"function_call_output","call_id":"c1","output":"{\\"temp\\":21}"},
				   {"role":"user","content":"Describe the image step by step"}]}""")));

		assertThat(plain.value(Feature.CODE_CUES)).isEqualTo(2);
		assertThat(plain.value(Feature.SYSTEM_PROMPT_TOKENS)).isGreaterThan(0);
		assertThat(items.value(Feature.STRUCTURED_OUTPUT)).isEqualTo(1);
		assertThat(items.value(Feature.IMAGES)).isEqualTo(1);
		assertThat(items.value(Feature.REASONING_CUES)).isEqualTo(1);
		assertThat(items.value(Feature.CONVERSATION_DEPTH)).isEqualTo(2);
	}

	@Test
	void aBodyWithoutAPromptOrNotJsonIsRefused() {
		assertThatThrownBy(() -> classifier.classify("{\"model\":\"auto\"}".getBytes()))
			.isInstanceOfSatisfying(InvalidPromptException.class, ex -> assertThat(ex.field()).isEqualTo("messages"));
		assertThatThrownBy(() -> classifier.classify("{\"messages\":[".getBytes()))
			.isInstanceOf(InvalidPromptException.class)
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> classifier.classify("[1]".getBytes())).isInstanceOf(InvalidPromptException.class);
	}

	@Test
	void theScoreIsTheSumOfTheContributionsAndExplainsItself() {
		Classification classification = chat("Implement a thread-safe LRU cache in Java, with unit tests.");

		double sum = classification.features().values().stream().mapToDouble(Classification.FeatureScore::contribution)
			.sum();
		assertThat(classification.score()).isCloseTo(sum, within(1e-9));
		assertThat(classification.tier()).isEqualTo(Tier.COMPLEX);
		assertThat(classification.features()).containsOnlyKeys(Feature.values());
	}

	@Test
	void weightsCuesAndBoundariesAreConfigurable() {
		PromptClassifier custom = new PromptClassifier(Map.of(Feature.CODE_CUES, 10.0),
				Map.of(CueKind.CODE, List.of("widget*")), new TierBoundaries(1, 2, 30));

		Classification classification = custom.classify(body("Build widgets for the Python team"));

		assertThat(classification.value(Feature.CODE_CUES)).as("the list replaces the defaults").isEqualTo(1);
		assertThat(classification.contribution(Feature.CODE_CUES)).isCloseTo(10.0 / 3, within(1e-9));
		assertThat(custom.weight(Feature.CODE_CUES)).isEqualTo(10.0);
		assertThat(custom.weight(Feature.MATH)).isEqualTo(Feature.MATH.defaultWeight());
	}

	@Test
	void theDefaultCueListsDoNotOverlap() {
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (CueKind kind : CueKind.values()) {
			for (String cue : kind.defaults()) {
				assertThat(seen.add(cue)).as("cue '%s' is in two kinds", cue).isTrue();
			}
		}
	}

	private Classification chat(String userText) {
		return classifier.classify(body(userText));
	}

	private static byte[] body(String userText) {
		return JSON.writeValueAsBytes(request(List.of(Map.of("role", "user", "content", userText))));
	}

	private Classification classify(ObjectNode request) {
		return classifier.classify(JSON.writeValueAsBytes(request));
	}

	private static ObjectNode request(List<Map<String, ?>> messages) {
		ObjectNode request = JSON.createObjectNode().put("model", "auto");
		ArrayNode array = request.putArray("messages");
		messages.forEach(message -> array.add(JSON.valueToTree(message)));
		return request;
	}

}
