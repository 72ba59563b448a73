package dev.meridian.gateway.proxy;

import java.util.List;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Azure OpenAI: the deployment in the path, the API version in the query, its own key header. */
class AzureOpenAiTest extends GatewayIntegrationTest {

	private static final ChatCompletionCreateParams CHAT = ChatCompletionCreateParams.builder()
		.model("azure-gpt")
		.addUserMessage("Say hello")
		.build();

	@Test
	void chatGoesToTheDeploymentWithTheApiVersionAndKey() {
		ChatCompletion completion = openAi().chat().completions().create(CHAT);

		assertThat(completion.model()).isEqualTo("azure-gpt");
		assertThat(completion.choices().getFirst().message().content()).contains(OpenAiMockServer.REPLY);
		OpenAiMockServer.RecordedRequest received = upstream.lastRequest();
		assertThat(received.target())
			.isEqualTo("/openai/deployments/my-gpt4o-deployment/chat/completions?api-version=2024-10-21");
		assertThat(received.header("api-key")).isEqualTo("azure-key");
		assertThat(received.header("Authorization")).isNull();
	}

	@Test
	void streamsAndEmbeddingsUseTheSameAddressing() {
		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(CHAT)) {
			List<ChatCompletionChunk> chunks = stream.stream().toList();
			assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.model()).isEqualTo("azure-gpt"));
		}
		assertThat(upstream.lastRequest().target()).startsWith("/openai/deployments/my-gpt4o-deployment/chat/completions?");

		openAi().embeddings().create(EmbeddingCreateParams.builder().model("azure-gpt").input("text").build());
		assertThat(upstream.lastRequest().target())
			.isEqualTo("/openai/deployments/my-gpt4o-deployment/embeddings?api-version=2024-10-21");
	}

	@Test
	void anEntraIdTokenIsSentAsABearerTokenInsteadOfTheKey() {
		openAi().chat().completions().create(CHAT.toBuilder().model("azure-entra").build());

		OpenAiMockServer.RecordedRequest received = upstream.lastRequest();
		assertThat(received.header("Authorization")).isEqualTo("Bearer entra-token");
		assertThat(received.header("api-key")).isNull();
		assertThat(received.target()).isEqualTo("/openai/deployments/entra-deployment/chat/completions?api-version=2024-10-21");
	}

}
