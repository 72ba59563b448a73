package dev.meridian.gateway.provider.bedrock;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.meridian.gateway.provider.EmbeddingAdapter;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.UpstreamRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Bedrock's {@code InvokeModel} for Titan (one call per text) and Cohere (up to 96 texts a call). */
public final class BedrockEmbeddingAdapter implements EmbeddingAdapter {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final Map<String, String> SIGNED_HEADERS = Map.of("content-type", "application/json");

	@Override
	public List<UpstreamRequest> embeddingRequests(Provider provider, String upstreamModel, ObjectNode request) {
		List<ObjectNode> bodies = new BedrockEmbeddingTranslator(upstreamModel).toInvokeBodies(request);
		String url = provider.baseUrl().resolve(BedrockEmbeddingTranslator.invokePath(upstreamModel));
		return bodies.stream().map(body -> {
			byte[] bytes = JSON.writeValueAsBytes(body);
			Map<String, String> signature = Objects.requireNonNull(provider.signer(), "a Bedrock provider signs its requests")
				.sign("POST", URI.create(url), SIGNED_HEADERS, bytes);
			return new UpstreamRequest(url, signature, bytes);
		}).toList();
	}

	@Override
	public ObjectNode embeddings(List<Answer> answers, String upstreamModel, String clientModel, ObjectNode request) {
		long headerTokens = 0;
		for (Answer answer : answers) {
			String count = answer.headers().get(BedrockEmbeddingTranslator.INPUT_TOKEN_COUNT_HEADER);
			headerTokens += (count == null) ? 0 : Long.parseLong(count.strip());
		}
		List<ObjectNode> responses = answers.stream().map(answer -> (ObjectNode) JSON.readTree(answer.body())).toList();
		return new BedrockEmbeddingTranslator(upstreamModel).toOpenAiEmbeddings(responses, clientModel,
				request.path("encoding_format").asString("float"), headerTokens);
	}

}
