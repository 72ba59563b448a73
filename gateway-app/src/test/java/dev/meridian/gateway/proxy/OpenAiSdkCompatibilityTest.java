package dev.meridian.gateway.proxy;

import java.util.List;
import java.util.stream.Collectors;

import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenAI Java SDK, unchanged but for its base URL and key, used through Meridian. */
class OpenAiSdkCompatibilityTest extends GatewayIntegrationTest {

	private static ChatCompletionCreateParams.Builder chat(String model) {
		return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello");
	}

	@Test
	void chatCompletionComesBackAsTheProviderSentItUnderTheRequestedModelName() {
		HttpResponseFor<ChatCompletion> response = openAi().chat()
			.completions()
			.withRawResponse()
			.create(chat("gpt-4o-mini").build());
		ChatCompletion completion = response.parse();

		assertThat(completion.model()).isEqualTo("gpt-4o-mini");
		assertThat(completion.id()).isEqualTo("chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
		assertThat(completion.choices().getFirst().message().content()).contains(OpenAiMockServer.REPLY);
		assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(29);
		assertThat(response.headers().values("x-meridian-request-id").getFirst()).matches("req_[0-9a-f]{32}");
		assertThat(response.headers().values("x-meridian-model")).containsExactly("real-mini");
		assertThat(response.headers().values("x-meridian-provider")).containsExactly("mock");
		assertThat(Double.parseDouble(response.headers().values("x-meridian-overhead-ms").getFirst())).isNotNegative();
		// 15 uncached prompt tokens at 0.15, 4 cached at 0.075 and 10 completion tokens at 0.60 per million
		assertThat(response.headers().values("x-meridian-cost-usd")).containsExactly("0.00000855");

		OpenAiMockServer.RecordedRequest received = upstream.lastRequest();
		assertThat(received.path()).isEqualTo("/v1/chat/completions");
		assertThat(received.model()).isEqualTo("real-mini");
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + UPSTREAM_KEY);
		assertThat(received.json().path("messages").get(0).path("content").asString()).isEqualTo("Say hello");
	}

	@Test
	void streamedChatArrivesChunkByChunkWithoutTheUsageChunkTheClientDidNotAskFor() {
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat()
			.completions()
			.createStreaming(chat("gpt-4o-mini").build())) {
			chunks = stream.stream().toList();
		}

		assertThat(chunks).hasSize(8);
		assertThat(chunks).allSatisfy(chunk -> {
			assertThat(chunk.model()).isEqualTo("gpt-4o-mini");
			assertThat(chunk.choices()).isNotEmpty();
		});
		assertThat(content(chunks)).isEqualTo(OpenAiMockServer.REPLY);
		assertThat(chunks.getLast().choices().getFirst().finishReason()).hasValueSatisfying(
				reason -> assertThat(reason.asString()).isEqualTo("stop"));
		assertThat(upstream.lastRequest().json().path("stream_options").path("include_usage").asBoolean()).isTrue();
	}

	@Test
	void streamedChatEndsWithUsageWhenTheClientAsksForIt() {
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat()
			.completions()
			.createStreaming(chat("gpt-4o-mini")
				.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
				.build())) {
			chunks = stream.stream().toList();
		}

		assertThat(chunks).hasSize(9);
		ChatCompletionChunk last = chunks.getLast();
		assertThat(last.choices()).isEmpty();
		assertThat(last.usage().orElseThrow().completionTokens()).isEqualTo(6);
		assertThat(last.model()).isEqualTo("gpt-4o-mini");
		assertThat(content(chunks)).isEqualTo(OpenAiMockServer.REPLY);
	}

	@Test
	void aBareHostBaseUrlServesTheOpenAiApiUnderV1AndAnUnchangedModelNameIsForwardedAsIs() {
		ChatCompletion completion = openAi().chat().completions().create(chat("same-name").build());

		assertThat(completion.model()).isEqualTo("same-name");
		assertThat(upstream.lastRequest().path()).isEqualTo("/v1/chat/completions");
		assertThat(upstream.lastRequest().model()).isEqualTo("same-name");
		assertThat(upstream.lastRequest().header("Authorization")).isNull();
	}

	@Test
	void embeddingsWork() {
		CreateEmbeddingResponse response = openAi().embeddings()
			.create(EmbeddingCreateParams.builder()
				.model("text-embedding-3-small")
				.inputOfArrayOfStrings(List.of("first", "second"))
				.build());

		assertThat(response.model()).isEqualTo("text-embedding-3-small");
		assertThat(response.data()).hasSize(2);
		assertThat(response.data().get(1).embedding()).containsExactly(0.5f, -0.5f, 0.125f);
		assertThat(response.usage().promptTokens()).isEqualTo(8);
		assertThat(upstream.lastRequest().path()).isEqualTo("/v1/embeddings");
		assertThat(upstream.lastRequest().model()).isEqualTo("embed-small");
	}

	@Test
	void legacyCompletionsWorkInBothModes() {
		CompletionCreateParams params = CompletionCreateParams.builder()
			.model("gpt-3.5-turbo-instruct")
			.prompt("Tell a story")
			.build();
		Completion completion = openAi().completions().create(params);
		assertThat(completion.model()).isEqualTo("gpt-3.5-turbo-instruct");
		assertThat(completion.choices().getFirst().text()).isEqualTo("Once upon a time");

		try (StreamResponse<Completion> stream = openAi().completions().createStreaming(params)) {
			List<Completion> chunks = stream.stream().toList();
			assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo("gpt-3.5-turbo-instruct"));
			assertThat(chunks.stream().map(chunk -> chunk.choices().getFirst().text()).collect(Collectors.joining()))
				.isEqualTo("Once upon a time");
		}
	}

	@Test
	void modelsListsTheConfiguredModelNamesAfterTheSmartRoutingName() {
		List<String> ids = openAi().models().list().data().stream().map(Model::id).toList();

		assertThat(ids).containsExactly("auto", "gpt-4o-mini", "same-name", "balanced", "text-embedding-3-small",
				"gpt-3.5-turbo-instruct", "unreachable", "scripted", "dies-mid-stream", "azure-gpt", "azure-entra",
				"frontier", "thinker");
		assertThat(openAi().models().retrieve("balanced").ownedBy()).isEqualTo("mock");
		assertThat(openAi().models().retrieve("auto").ownedBy()).isEqualTo("meridian");
	}

	@Test
	void theSdkSeesUnknownModelsAndBadKeysAsTheProviderWouldReportThem() {
		assertThatThrownBy(() -> openAi().chat().completions().create(chat("no-such-model").build()))
			.isInstanceOf(NotFoundException.class)
			.hasMessageContaining("no-such-model");
		assertThatThrownBy(() -> openAi("sk-wrong").chat().completions().create(chat("gpt-4o-mini").build()))
			.isInstanceOf(UnauthorizedException.class);
		assertThat(upstream.requests()).isEmpty();
	}

	private static String content(List<ChatCompletionChunk> chunks) {
		return chunks.stream()
			.flatMap(chunk -> chunk.choices().stream())
			.map(choice -> choice.delta().content().orElse(""))
			.collect(Collectors.joining());
	}

}
