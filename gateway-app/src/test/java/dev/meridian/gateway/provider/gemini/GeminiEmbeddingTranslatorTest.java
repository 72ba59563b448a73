package dev.meridian.gateway.provider.gemini;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeminiEmbeddingTranslatorTest {

	private final GeminiEmbeddingTranslator translator = new GeminiEmbeddingTranslator();

	@Test
	void singleInputBecomesOneEmbedRequest() {
		ObjectNode batch = translator.toBatchEmbedRequest(object("""
				{"model": "embed", "input": "The quick brown fox"}
				"""), "gemini-embedding-001");

		assertThat(batch).isEqualTo(object("""
				{"requests": [{"model": "models/gemini-embedding-001",
							   "content": {"parts": [{"text": "The quick brown fox"}]}}]}
				"""));
	}

	@Test
	void inputArrayBecomesOneRequestPerTextWithTheRequestedDimensions() {
		ObjectNode batch = translator.toBatchEmbedRequest(object("""
				{"model": "embed", "input": ["first", "second"], "dimensions": 768, "encoding_format": "base64"}
				"""), "models/gemini-embedding-001");

		assertThat(batch).isEqualTo(object("""
				{"requests": [
				  {"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "first"}]}, "outputDimensionality": 768},
				  {"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "second"}]}, "outputDimensionality": 768}
				]}
				"""));
	}

	@Test
	void tokenArraysAreABadRequest() {
		assertBadRequest("""
				{"model": "embed", "input": [[1212, 318], [257, 1332]]}
				""", "token arrays");
		assertBadRequest("""
				{"model": "embed", "input": [1212, 318, 257]}
				""", "token arrays");
	}

	@Test
	void emptyInputAndUnknownOptionsAreABadRequest() {
		assertBadRequest("""
				{"model": "embed", "input": []}
				""", "input");
		assertBadRequest("""
				{"model": "embed", "input": "x", "dimensions": "large"}
				""", "dimensions");
		assertBadRequest("""
				{"model": "embed", "input": "x", "encoding_format": "int8"}
				""", "encoding_format");
	}

	@Test
	void embeddingsComeBackAsAnOpenAiListWithTheEstimatedUsage() {
		ObjectNode list = translator.toOpenAiEmbeddings(resource("gemini/batch-embed-response.json"), "embed", 6);

		assertThat(list).isEqualTo(object("""
				{"object": "list",
				 "data": [
				   {"object": "embedding", "index": 0, "embedding": [-0.0198242, 0.0081329, 0.0134124, -0.0655975]},
				   {"object": "embedding", "index": 1, "embedding": [0.0311584, -0.0042305, 0.0217896, 0.0101929]}],
				 "model": "embed",
				 "usage": {"prompt_tokens": 6, "total_tokens": 6}}
				"""));
	}

	@Test
	void base64EncodingIsLittleEndianFloat32AsOpenAiSends() {
		ObjectNode list = translator.toOpenAiEmbeddings(resource("gemini/batch-embed-response.json"), "embed", 6, "base64");

		byte[] bytes = Base64.getDecoder().decode(list.at("/data/1/embedding").asString());
		ByteBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(bytes).hasSize(16);
		assertThat(new float[] {floats.getFloat(), floats.getFloat(), floats.getFloat(), floats.getFloat()})
				.containsExactly(0.0311584f, -0.0042305f, 0.0217896f, 0.0101929f);
	}

	@Test
	void batchEmbedPathPutsTheModelInTheUrl() {
		assertThat(GeminiEmbeddingTranslator.batchEmbedPath("gemini-embedding-001"))
				.isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
	}

	private void assertBadRequest(String embeddingRequest, String messagePart) {
		assertThatThrownBy(() -> translator.toBatchEmbedRequest(object(embeddingRequest), "gemini-embedding-001"))
				.isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status().value()).isEqualTo(400))
				.hasMessageContaining(messagePart);
	}
}
