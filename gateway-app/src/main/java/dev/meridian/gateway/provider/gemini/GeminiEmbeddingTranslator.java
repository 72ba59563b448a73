package dev.meridian.gateway.provider.gemini;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import dev.meridian.gateway.error.GatewayException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns OpenAI embedding requests into Gemini {@code batchEmbedContents} calls and back. */
public final class GeminiEmbeddingTranslator {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	public static String batchEmbedPath(String model) {
		return "/v1beta/" + GeminiModelName.resource(model) + ":batchEmbedContents";
	}

	/** One Gemini request per input text; Gemini embeds text only, so token-id inputs are refused. */
	public ObjectNode toBatchEmbedRequest(ObjectNode openAiEmbeddingRequest, String upstreamModel) {
		JsonNode input = openAiEmbeddingRequest.path("input");
		JsonNode dimensions = openAiEmbeddingRequest.path("dimensions");
		if (!dimensions.isMissingNode() && !dimensions.isNull() && !dimensions.isIntegralNumber()) {
			throw GatewayException.invalidValue("dimensions must be an integer");
		}
		String encodingFormat = openAiEmbeddingRequest.path("encoding_format").asString("float");
		if (!encodingFormat.equals("float") && !encodingFormat.equals("base64")) {
			throw GatewayException.invalidValue("encoding_format must be float or base64");
		}
		ObjectNode batch = JSON.objectNode();
		ArrayNode requests = batch.putArray("requests");
		for (JsonNode text : texts(input).values()) {
			ObjectNode request = requests.addObject().put("model", GeminiModelName.resource(upstreamModel));
			request.putObject("content").putArray("parts").addObject().set("text", text);
			if (dimensions.isIntegralNumber()) {
				request.set("outputDimensionality", dimensions);
			}
		}
		return batch;
	}

	private static ArrayNode texts(JsonNode input) {
		if (input.isString()) {
			return JSON.arrayNode().add(input);
		}
		if (!input.isArray() || input.isEmpty()) {
			throw GatewayException.invalidValue("input must be a string or a non-empty array of strings");
		}
		for (JsonNode item : input.values()) {
			if (!item.isString()) {
				throw GatewayException.unsupportedValue(
						"Gemini embedding models take text only; token arrays are not supported");
			}
		}
		return (ArrayNode) input;
	}

	/** Float vectors, as OpenAI returns them when the request names no {@code encoding_format}. */
	public ObjectNode toOpenAiEmbeddings(ObjectNode batchEmbedResponse, String clientModel, int promptTokensEstimate) {
		return toOpenAiEmbeddings(batchEmbedResponse, clientModel, promptTokensEstimate, "float");
	}

	/**
	 * Vectors in the request's {@code encoding_format}. Gemini always answers with floats, while
	 * the official OpenAI SDKs ask for {@code base64} by default and decode whatever comes back as
	 * such, so that format is honoured: little-endian float32, base64-encoded, as OpenAI does.
	 */
	public ObjectNode toOpenAiEmbeddings(ObjectNode batchEmbedResponse, String clientModel, int promptTokensEstimate,
			String encodingFormat) {
		ObjectNode list = JSON.objectNode().put("object", "list");
		ArrayNode data = list.putArray("data");
		int index = 0;
		for (JsonNode embedding : batchEmbedResponse.path("embeddings").values()) {
			ObjectNode item = data.addObject().put("object", "embedding").put("index", index++);
			JsonNode values = embedding.path("values");
			if ("base64".equals(encodingFormat)) {
				item.put("embedding", base64(values));
			} else {
				item.set("embedding", values);
			}
		}
		list.put("model", clientModel);
		list.putObject("usage").put("prompt_tokens", promptTokensEstimate).put("total_tokens", promptTokensEstimate);
		return list;
	}

	private static String base64(JsonNode values) {
		ByteBuffer bytes = ByteBuffer.allocate(values.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		values.values().forEach(value -> bytes.putFloat((float) value.doubleValue()));
		return Base64.getEncoder().encodeToString(bytes.array());
	}
}
