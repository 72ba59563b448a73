package dev.meridian.gateway.proxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.openai.core.http.HttpResponseFor;
import com.openai.errors.BadRequestException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.meridian.gateway.testsupport.BedrockIntegrationTest;
import dev.meridian.gateway.testsupport.BedrockMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OpenAI embeddings requests from the official Java SDK, served by Bedrock's Titan and Cohere models
 * and by Gemini. The SDK asks for base64 unless told otherwise and decodes the vectors itself.
 */
class TranslatedEmbeddingsSdkTest extends BedrockIntegrationTest {

	private static final String TITAN_PATH = "/model/amazon.titan-embed-text-v2%3A0/invoke";

	@Test
	void titanEmbedsEachInputInItsOwnSignedCallAndTheVectorsComeBackInInputOrder() {
		// The first text is answered last, so an answer list in arrival order would be out of order.
		List<String> answered = new CopyOnWriteArrayList<>();
		bedrock.on(TITAN, (exchange, request) -> {
			String text = request.json().path("inputText").asString();
			if (text.equals("Paris")) {
				Thread.sleep(300);
			}
			answered.add(text);
			BedrockMockServer.titanEmbedding(exchange, request);
		});

		HttpResponseFor<CreateEmbeddingResponse> response = openAi().embeddings()
			.withRawResponse()
			.create(embed("titan-embed", List.of("Paris", "Lyon is a city", "Nice"))
				.encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
				.build());
		CreateEmbeddingResponse embeddings = response.parse();

		assertThat(embeddings.model()).isEqualTo("titan-embed");
		assertThat(embeddings.data()).extracting(Embedding::index).containsExactly(0L, 1L, 2L);
		assertThat(embeddings.data()).allSatisfy(item -> assertThat(item.embeddingValue().isFloats()).isTrue());
		assertThat(embeddings.data()).extracting(Embedding::embedding)
			.containsExactly(List.of(0.625f, -0.5f, 0.25f), List.of(1.75f, -0.5f, 0.25f), List.of(0.5f, -0.5f, 0.25f));
		// 1 + 4 + 1 words, counted by Titan in each answer
		assertThat(embeddings.usage().promptTokens()).isEqualTo(6);
		assertThat(embeddings.usage().totalTokens()).isEqualTo(6);
		// 6 tokens at the catalog's 0.02 per million
		assertThat(response.headers().values("x-meridian-cost-usd")).containsExactly("0.00000012");

		assertThat(bedrock.requests()).hasSize(3).allSatisfy(received -> {
			assertThat(received.rawPath()).isEqualTo(TITAN_PATH);
			assertThat(received.signatureVerified()).isTrue();
			assertThat(received.json().path("normalize").asBoolean()).isTrue();
		});
		assertThat(bedrock.requests()).extracting(received -> received.json().path("inputText").asString())
			.containsExactlyInAnyOrder("Paris", "Lyon is a city", "Nice");
		assertThat(answered).last().isEqualTo("Paris");
	}

	@Test
	void titanVectorsInBase64AsTheSdkAsksByDefaultDecodeToTheSameFloats() {
		CreateEmbeddingResponse embeddings = openAi().embeddings()
			.create(embed("titan-embed", List.of("Nice", "Paris")).build());

		assertThat(embeddings.data()).allSatisfy(item -> assertThat(item.embeddingValue().isBase64()).isTrue());
		assertThat(embeddings.data()).extracting(Embedding::embedding)
			.containsExactly(List.of(0.5f, -0.5f, 0.25f), List.of(0.625f, -0.5f, 0.25f));
		assertThat(embeddings.usage().promptTokens()).isEqualTo(2);
		assertThat(bedrock.requests()).extracting(received -> received.json().path("inputText").asString())
			.containsExactlyInAnyOrder("Nice", "Paris");
	}

	@Test
	void titanRefusingAnInputReachesTheClientAsABadRequestWithBedrocksMessage() {
		assertThatThrownBy(() -> openAi().embeddings().create(embed("titan-embed", List.of("")).build()))
			.isInstanceOfSatisfying(BadRequestException.class,
					ex -> assertThat(ex.getMessage()).contains("ValidationException", "expected minLength: 1"));
		assertThat(bedrock.lastRequest().json().path("inputText").asString()).isEmpty();
	}

	@Test
	void cohereEmbedsEveryInputInOneCallAndTheTokensComeFromTheResponseHeader() {
		for (EmbeddingCreateParams.EncodingFormat format : List.of(EmbeddingCreateParams.EncodingFormat.FLOAT,
				EmbeddingCreateParams.EncodingFormat.BASE64)) {
			HttpResponseFor<CreateEmbeddingResponse> response = openAi().embeddings()
				.withRawResponse()
				.create(embed("cohere-embed", List.of("first document", "second")).encodingFormat(format).build());
			CreateEmbeddingResponse embeddings = response.parse();

			assertThat(embeddings.model()).isEqualTo("cohere-embed");
			assertThat(embeddings.data()).allSatisfy(item -> assertThat(item.embeddingValue().isBase64())
				.isEqualTo(format == EmbeddingCreateParams.EncodingFormat.BASE64));
			assertThat(embeddings.data()).extracting(Embedding::embedding)
				.containsExactly(List.of(1.75f, -0.5f, 0.25f), List.of(0.75f, -0.5f, 0.25f));
			// the body carries no count: 2 + 1 words from X-Amzn-Bedrock-Input-Token-Count, at 0.10 per million
			assertThat(embeddings.usage().promptTokens()).isEqualTo(3);
			assertThat(response.headers().values("x-meridian-cost-usd")).containsExactly("0.0000003");

			BedrockMockServer.RecordedRequest received = bedrock.lastRequest();
			assertThat(received.rawPath()).isEqualTo("/model/cohere.embed-english-v3/invoke");
			assertThat(received.signatureVerified()).isTrue();
			assertThat(received.json().path("texts").values()).extracting(text -> text.asString())
				.containsExactly("first document", "second");
			assertThat(received.json().path("input_type").asString()).isEqualTo("search_document");
		}
		assertThat(bedrock.requests()).hasSize(2);
	}

	@Test
	void geminiEmbedsEveryInputInOneBatchEmbedContentsCall() {
		for (EmbeddingCreateParams.EncodingFormat format : List.of(EmbeddingCreateParams.EncodingFormat.FLOAT,
				EmbeddingCreateParams.EncodingFormat.BASE64)) {
			HttpResponseFor<CreateEmbeddingResponse> response = openAi().embeddings()
				.withRawResponse()
				.create(embed("gemini-embed", List.of("Paris", "Lyon")).encodingFormat(format).build());
			CreateEmbeddingResponse embeddings = response.parse();

			assertThat(embeddings.model()).isEqualTo("gemini-embed");
			assertThat(embeddings.data()).allSatisfy(item -> assertThat(item.embeddingValue().isBase64())
				.isEqualTo(format == EmbeddingCreateParams.EncodingFormat.BASE64));
			assertThat(embeddings.data()).extracting(Embedding::embedding)
				.containsExactly(List.of(1.25f, 0.5f, -0.125f), List.of(1.0f, 0.5f, -0.125f));
			// Gemini counts no tokens for embeddings: 9 characters at about four per token, at 0.15 per million
			assertThat(embeddings.usage().promptTokens()).isEqualTo(3);
			assertThat(response.headers().values("x-meridian-cost-usd")).containsExactly("0.00000045");
		}

		assertThat(gemini.requests()).hasSize(2).allSatisfy(received -> {
			assertThat(received.path()).isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
			assertThat(received.header("x-goog-api-key")).isEqualTo(GEMINI_KEY);
			assertThat(received.json().path("requests").values()).extracting(request -> request.path("model").asString())
				.containsExactly("models/gemini-embedding-001", "models/gemini-embedding-001");
			assertThat(received.json().path("requests").values())
				.extracting(request -> request.path("content").path("parts").path(0).path("text").asString())
				.containsExactly("Paris", "Lyon");
		});
		assertThat(bedrock.requests()).isEmpty();
	}

	private static EmbeddingCreateParams.Builder embed(String model, List<String> inputs) {
		return EmbeddingCreateParams.builder().model(model).inputOfArrayOfStrings(inputs);
	}

}
