package dev.meridian.gateway.routing.smart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier's token estimate against real BPE tokenizers (o200k for GPT-4o and later, cl100k
 * for GPT-4) on every message text of the labelled prompts: English, code, CJK, Cyrillic, long
 * documents. This is how its per-character weights were chosen (a least-squares fit, rounded).
 */
class TokenEstimateCalibrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@EnumSource(value = EncodingType.class, names = { "O200K_BASE", "CL100K_BASE" })
	void estimateIsCloseToARealTokenizer(EncodingType type) throws Exception {
		Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(type);
		CueMatcher matcher = new CueMatcher(Map.of());
		List<Double> relativeErrors = new ArrayList<>();
		double estimated = 0;
		double actual = 0;
		for (var prompt : LabelledPromptsAccuracyTest.load()) {
			for (JsonNode message : JSON.readTree(prompt.request()).path("messages")) {
				for (String text : texts(message.path("content"))) {
					TextStats stats = new TextStats();
					stats.scan(text.toCharArray(), 0, text.length(), matcher);
					int tokens = encoding.countTokens(text);
					relativeErrors.add(Math.abs(stats.tokens() - tokens) / tokens);
					estimated += stats.tokens();
					actual += tokens;
				}
			}
		}
		Collections.sort(relativeErrors);
		double median = relativeErrors.get(relativeErrors.size() / 2);
		double p90 = relativeErrors.get(relativeErrors.size() * 9 / 10);
		System.out.printf("Token estimate vs %s over %d texts: median error %.1f%%, p90 %.1f%%, total %.3f of actual%n",
				type, relativeErrors.size(), 100 * median, 100 * p90, estimated / actual);

		assertThat(median).isLessThan(0.15);
		assertThat(p90).isLessThan(0.40);
		assertThat(estimated / actual).isBetween(0.9, 1.1);
	}

	private static List<String> texts(JsonNode content) {
		if (content.isString()) {
			return List.of(content.asString());
		}
		List<String> texts = new ArrayList<>();
		for (JsonNode part : content) {
			if (part.path("text").isString()) {
				texts.add(part.path("text").asString());
			}
		}
		return texts;
	}

}
