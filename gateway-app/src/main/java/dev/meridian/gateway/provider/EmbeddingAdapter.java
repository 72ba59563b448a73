package dev.meridian.gateway.provider;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Serves OpenAI embeddings requests from a provider with its own embeddings API. Some need several
 * calls for one request (Titan embeds one text per call), so the adapter plans the calls and then
 * combines their answers.
 */
public interface EmbeddingAdapter {

	/** @throws dev.meridian.gateway.error.GatewayException 400 for input the provider cannot embed */
	List<UpstreamRequest> embeddingRequests(Provider provider, String upstreamModel, ObjectNode request);

	/** The answers, in the order of the requests, as one OpenAI embeddings list. */
	ObjectNode embeddings(List<Answer> answers, String upstreamModel, String clientModel, ObjectNode request);

	/** One provider answer with its headers (some providers count tokens in a header). */
	record Answer(byte[] body, ResponseHeaders headers) {
	}

}
