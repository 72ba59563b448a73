package dev.meridian.gateway.provider.bedrock;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.meridian.gateway.error.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns OpenAI embedding requests into Bedrock InvokeModel bodies and the answers back, for the two
 * families whose bodies differ: Amazon Titan Text Embeddings V2 embeds one text per call
 * ({@code {inputText, dimensions, normalize}}), Cohere Embed up to 96 texts per call
 * ({@code {texts, input_type}}). The family is read from the model id, which may be an ARN or carry
 * a cross-region prefix such as {@code us.}. One instance per configured model.
 */
public final class BedrockEmbeddingTranslator {

	/** The response header with the input token count; Cohere's bodies carry no count of their own. */
	public static final String INPUT_TOKEN_COUNT_HEADER = "X-Amzn-Bedrock-Input-Token-Count";

	/** Cohere Embed's limit on texts per call. */
	static final int COHERE_MAX_TEXTS = 96;

	private static final Pattern TITAN_V2 = Pattern.compile("([a-z-]+\\.)?amazon\\.titan-embed-text-v2.*");

	private static final Pattern COHERE = Pattern.compile("([a-z-]+\\.)?cohere\\.embed-.*");

	private static final Pattern COHERE_V4 = Pattern.compile("([a-z-]+\\.)?cohere\\.embed-v4.*");

	private enum Family {
		TITAN, COHERE, COHERE_V4
	}

	private final Family family;

	/**
	 * @throws dev.meridian.gateway.error.GatewayException (400) when the model is neither a Titan Text Embeddings V2 nor a
	 * Cohere Embed model, the only ones this translator knows how to call
	 */
	public BedrockEmbeddingTranslator(String modelId) {
		this.family = family(modelId);
	}

	/** {@code /model/{modelId}/invoke}. */
	public static String invokePath(String modelId) {
		return BedrockPaths.model(modelId, "invoke");
	}

	/** The InvokeModel bodies to send, in order: one per text for Titan, one per 96 texts for Cohere. */
	public List<ObjectNode> toInvokeBodies(ObjectNode openAiEmbeddingRequest) {
		List<String> texts = texts(openAiEmbeddingRequest.path("input"));
		checkEncodingFormat(openAiEmbeddingRequest);
		JsonNode dimensions = openAiEmbeddingRequest.path("dimensions");
		if (!dimensions.isMissingNode() && !dimensions.isNull() && !dimensions.isIntegralNumber()) {
			throw GatewayException.invalidValue("dimensions must be an integer");
		}
		List<ObjectNode> bodies = new ArrayList<>();
		if (this.family == Family.TITAN) {
			for (String text : texts) {
				ObjectNode body = JsonNodeFactory.instance.objectNode().put("inputText", text);
				if (dimensions.isIntegralNumber()) {
					body.put("dimensions", dimensions.asInt());
				}
				// OpenAI's embeddings are unit length; Titan's are too unless told otherwise.
				body.put("normalize", true);
				bodies.add(body);
			}
			return bodies;
		}
		if (dimensions.isIntegralNumber() && this.family != Family.COHERE_V4) {
			throw GatewayException.unsupportedValue("dimensions is not supported by Cohere Embed v3 models");
		}
		// Cohere asks what the text is for; OpenAI has no such field, so documents unless the client says.
		String inputType = openAiEmbeddingRequest.path("input_type").asString("search_document");
		for (int from = 0; from < texts.size(); from += COHERE_MAX_TEXTS) {
			ObjectNode body = JsonNodeFactory.instance.objectNode();
			texts.subList(from, Math.min(from + COHERE_MAX_TEXTS, texts.size())).forEach(body.putArray("texts")::add);
			body.put("input_type", inputType);
			if (dimensions.isIntegralNumber()) {
				body.put("output_dimension", dimensions.asInt());
			}
			bodies.add(body);
		}
		return bodies;
	}

	/**
	 * The OpenAI answer with float vectors; prompt tokens from the bodies, which only Titan's carry.
	 */
	public ObjectNode toOpenAiEmbeddings(List<ObjectNode> responses, String clientModel) {
		return toOpenAiEmbeddings(responses, clientModel, "float", 0);
	}

	/**
	 * The OpenAI answer.
	 * @param responses the InvokeModel response bodies, in the order of {@link #toInvokeBodies}
	 * @param encodingFormat the request's {@code encoding_format}: {@code float}, or {@code base64}
	 * (little-endian float32, as OpenAI encodes it), which the official OpenAI SDKs ask for by default
	 * @param headerInputTokens the sum of the {@value #INPUT_TOKEN_COUNT_HEADER} response headers,
	 * used where the bodies carry no count (Cohere)
	 */
	public ObjectNode toOpenAiEmbeddings(List<ObjectNode> responses, String clientModel, String encodingFormat,
			long headerInputTokens) {
		ObjectNode list = JsonNodeFactory.instance.objectNode().put("object", "list");
		ArrayNode data = list.putArray("data");
		long titanInputTokens = 0;
		for (ObjectNode response : responses) {
			if (this.family == Family.TITAN) {
				titanInputTokens += response.path("inputTextTokenCount").asLong(0);
				addEmbedding(data, response.path("embedding"), encodingFormat);
			}
			else {
				// Cohere answers a bare list of vectors, or vectors by type when types were asked for.
				JsonNode embeddings = response.path("embeddings");
				for (JsonNode vector : (embeddings.isObject() ? embeddings.path("float") : embeddings).values()) {
					addEmbedding(data, vector, encodingFormat);
				}
			}
		}
		long promptTokens = this.family == Family.TITAN ? titanInputTokens : headerInputTokens;
		list.put("model", clientModel);
		list.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
		return list;
	}

	private static Family family(String modelId) {
		String name = modelId.substring(modelId.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		if (TITAN_V2.matcher(name).matches()) {
			return Family.TITAN;
		}
		if (COHERE_V4.matcher(name).matches()) {
			return Family.COHERE_V4;
		}
		if (COHERE.matcher(name).matches()) {
			return Family.COHERE;
		}
		throw GatewayException.unsupportedValue("Bedrock model '" + modelId + "' is not an embedding model Meridian"
				+ " can call; use amazon.titan-embed-text-v2 or a cohere.embed model");
	}

	/** Bedrock's embedding models take text only, so token-id inputs are refused. */
	private static List<String> texts(JsonNode input) {
		if (input.isString()) {
			return List.of(input.stringValue());
		}
		if (!input.isArray() || input.isEmpty()) {
			throw GatewayException.invalidValue("input must be a string or a non-empty array of strings");
		}
		List<String> texts = new ArrayList<>(input.size());
		for (JsonNode item : input.values()) {
			if (!item.isString()) {
				throw GatewayException
					.unsupportedValue("Bedrock embedding models take text only; token arrays are not supported");
			}
			texts.add(item.stringValue());
		}
		return texts;
	}

	private static void checkEncodingFormat(JsonNode request) {
		String format = request.path("encoding_format").asString("float");
		if (!format.equals("float") && !format.equals("base64")) {
			throw GatewayException.invalidValue("encoding_format must be float or base64");
		}
	}

	private static void addEmbedding(ArrayNode data, JsonNode vector, String encodingFormat) {
		ObjectNode item = data.addObject().put("object", "embedding").put("index", data.size() - 1);
		if ("base64".equals(encodingFormat)) {
			ByteBuffer bytes = ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
			vector.values().forEach(value -> bytes.putFloat((float) value.doubleValue()));
			item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
		}
		else {
			item.set("embedding", vector);
		}
	}

}
