package dev.meridian.gateway.provider.gemini;

import java.util.List;

import dev.meridian.gateway.provider.EmbeddingAdapter;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.UpstreamRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Gemini's {@code batchEmbedContents}: every input in one call. */
public final class GeminiEmbeddingAdapter implements EmbeddingAdapter {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Gemini reports no token count for embeddings: about four characters per token. */
	private static final int CHARACTERS_PER_TOKEN = 4;

	private final GeminiEmbeddingTranslator translator = new GeminiEmbeddingTranslator();

	@Override
	public List<UpstreamRequest> embeddingRequests(Provider provider, String upstreamModel, ObjectNode request) {
		ObjectNode body = translator.toBatchEmbedRequest(request, upstreamModel);
		return List.of(UpstreamRequest.of(provider.baseUrl().resolve(GeminiEmbeddingTranslator.batchEmbedPath(upstreamModel)),
				JSON.writeValueAsBytes(body)));
	}

	@Override
	public ObjectNode embeddings(List<Answer> answers, String upstreamModel, String clientModel, ObjectNode request) {
		ObjectNode response = (ObjectNode) JSON.readTree(answers.getFirst().body());
		return translator.toOpenAiEmbeddings(response, clientModel, estimateTokens(request.path("input")),
				request.path("encoding_format").asString("float"));
	}

	private static int estimateTokens(JsonNode input) {
		long characters = input.isString() ? input.asString().length() : 0;
		for (JsonNode text : input.values()) {
			characters += text.asString("").length();
		}
		return (int) ((characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN);
	}

}
