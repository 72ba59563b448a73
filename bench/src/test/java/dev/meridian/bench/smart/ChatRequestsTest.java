package dev.meridian.bench.smart;

import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.routing.smart.Classification;
import dev.meridian.gateway.routing.smart.Feature;
import dev.meridian.gateway.routing.smart.PromptClassifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's requests are valid chat requests of the size asked for, with prose and code to classify. */
class ChatRequestsTest {

	@ParameterizedTest
	@ValueSource(ints = { 1024, 8 * 1024, 64 * 1024 })
	void requestsHaveTheSizeAskedForAndAreClassified(int bytes) {
		byte[] body = ChatRequests.ofSize(bytes).getBytes(StandardCharsets.UTF_8);

		JsonNode request = JsonMapper.builder().build().readTree(body);
		assertEquals(4, request.path("messages").size());
		assertTrue(body.length <= bytes && body.length > bytes - 16, "size " + body.length);

		Classification classification = PromptClassifier.DEFAULT.classify(body);
		assertTrue(classification.value(Feature.TOKENS) > bytes / 8.0);
		assertTrue(classification.value(Feature.CODE_BLOCKS) >= 1 || bytes < 2048);
		assertEquals(2, classification.value(Feature.CONVERSATION_DEPTH));
	}

}
