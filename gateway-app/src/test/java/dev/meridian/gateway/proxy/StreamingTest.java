package dev.meridian.gateway.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.meridian.gateway.testsupport.GatewayIntegrationTest;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.StreamWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams are relayed as they arrive, never buffered, and tied to the client's connection. */
class StreamingTest extends GatewayIntegrationTest {

	private static final ChatCompletionCreateParams PARAMS = ChatCompletionCreateParams.builder()
		.model("scripted")
		.addUserMessage("Stream please")
		.build();

	@Test
	void theFirstChunkReachesTheClientWhileTheProviderStillHoldsTheRest() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		upstream.on("scripted", (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				OpenAiMockServer.writeChatStream(writer, request, List.of("a", "b"), () -> await(release));
			}
		});

		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(PARAMS)) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			ChatCompletionChunk first = CompletableFuture.supplyAsync(chunks::next).get(5, TimeUnit.SECONDS);

			assertThat(release.getCount()).as("the provider is still holding the rest back").isEqualTo(1);
			assertThat(first.choices().getFirst().delta().role()).isPresent();
			release.countDown();
			StringBuilder rest = new StringBuilder();
			chunks.forEachRemaining(chunk -> rest.append(chunk.choices().getFirst().delta().content().orElse("")));
			assertThat(rest).hasToString("ab");
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aClientThatGoesAwayMidStreamCancelsTheUpstreamCall() throws Exception {
		CompletableFuture<Long> upstreamWriteFailedAt = new CompletableFuture<>();
		upstream.on("scripted", (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				String model = request.model();
				long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (System.nanoTime() < deadline) {
					writer.event(OpenAiMockServer.chatChunk(model, "{\"content\":\"tick\"}", "null", false));
					Thread.sleep(20);
				}
			}
			catch (IOException ex) {
				upstreamWriteFailedAt.complete(System.nanoTime());
			}
		});

		long closedAt;
		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(PARAMS)) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			chunks.next();
			chunks.next();
			closedAt = System.nanoTime();
		}

		long failedAt = upstreamWriteFailedAt.get(5, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(failedAt - closedAt)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aProviderThatDiesMidStreamEndsTheStreamWithAnErrorEvent() {
		ChatCompletionCreateParams params = PARAMS.toBuilder().model("dies-mid-stream").build();
		try (StreamResponse<ChatCompletionChunk> stream = openAi().chat().completions().createStreaming(params)) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			assertThat(chunks.next().choices().getFirst().delta().content()).hasValue("partial");
			assertThatThrownBy(chunks::next).isInstanceOf(OpenAIException.class)
				.hasMessageContaining("could not be reached");
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
