package dev.meridian.gateway.routing.smart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default weights against the labelled prompts in {@code smart-routing/labelled-prompts.jsonl}:
 * prints the accuracy (overall, on the even ids the weights were tuned on, and on the odd ids held
 * out) and the confusion matrix, and holds the classifier to at least 80% exact and to never
 * sending a prompt labelled complex or reasoning to the simple tier.
 */
class LabelledPromptsAccuracyTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Labelled(String id, Tier tier, String category, byte[] request) {

		boolean tuned() {
			return Integer.parseInt(id.substring(1)) % 2 == 0;
		}

	}

	@Test
	void defaultWeightsClassifyTheLabelledPrompts() throws IOException {
		List<Labelled> prompts = load();
		int[][] confusion = new int[4][4];
		int correct = 0;
		int tunedCorrect = 0;
		int tuned = 0;
		List<String> underestimatedHardOnes = new ArrayList<>();
		for (Labelled prompt : prompts) {
			Classification classification = PromptClassifier.DEFAULT.classify(prompt.request());
			Tier got = classification.tier();
			confusion[prompt.tier().ordinal()][got.ordinal()]++;
			boolean right = got == prompt.tier();
			correct += right ? 1 : 0;
			if (prompt.tuned()) {
				tuned++;
				tunedCorrect += right ? 1 : 0;
			}
			if (prompt.tier().compareTo(Tier.COMPLEX) >= 0 && got == Tier.SIMPLE) {
				underestimatedHardOnes.add(prompt.id() + " " + classification);
			}
		}
		int heldOut = prompts.size() - tuned;
		double accuracy = 100.0 * correct / prompts.size();
		System.out.printf("Smart routing accuracy on %d labelled prompts: %.1f%% (tuned on even ids: %.1f%% of %d;"
				+ " held out, odd ids: %.1f%% of %d)%n", prompts.size(), accuracy, 100.0 * tunedCorrect / tuned, tuned,
				100.0 * (correct - tunedCorrect) / heldOut, heldOut);
		System.out.println(confusionMatrix(confusion));

		assertThat(prompts).hasSizeGreaterThanOrEqualTo(320);
		assertThat(underestimatedHardOnes).as("complex or reasoning prompts classified simple").isEmpty();
		assertThat(accuracy).isGreaterThanOrEqualTo(80.0);
	}

	private static String confusionMatrix(int[][] confusion) {
		StringBuilder table = new StringBuilder(String.format("%-18s", "labelled \\ got"));
		for (Tier tier : Tier.values()) {
			table.append(String.format("%10s", tier.configName()));
		}
		for (Tier labelled : Tier.values()) {
			table.append(String.format("%n%-18s", labelled.configName()));
			for (Tier got : Tier.values()) {
				table.append(String.format("%10d", confusion[labelled.ordinal()][got.ordinal()]));
			}
		}
		return table.toString();
	}

	static List<Labelled> load() throws IOException {
		List<Labelled> prompts = new ArrayList<>();
		try (InputStream in = LabelledPromptsAccuracyTest.class.getResourceAsStream("/smart-routing/labelled-prompts.jsonl")) {
			assertThat(in).as("labelled-prompts.jsonl on the test classpath").isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode entry = JSON.readTree(line);
				Tier tier = Tier.fromName(entry.path("tier").asString());
				assertThat(tier).as("tier of %s", entry.path("id")).isNotNull();
				prompts.add(new Labelled(entry.path("id").asString(), tier, entry.path("category").asString(),
						JSON.writeValueAsBytes(entry.path("request"))));
			}
		}
		return prompts;
	}

}
