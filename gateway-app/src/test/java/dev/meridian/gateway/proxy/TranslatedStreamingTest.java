package dev.meridian.gateway.proxy;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.meridian.gateway.testsupport.AnthropicMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer;
import dev.meridian.gateway.testsupport.OpenAiMockServer.StreamWriter;
import dev.meridian.gateway.testsupport.ProviderIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translated streams keep the promises of forwarded ones: each event reaches the client as soon
 * as the provider sent it, and a client that goes away cancels the provider's call.
 */
class TranslatedStreamingTest extends ProviderIntegrationTest {

	private static final String REST = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
			+ "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
			+ "\"stop_sequence\":null},\"usage\":{\"output_tokens\":2}}\n\n"
			+ "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

	@Test
	void anthropicsFirstWordsReachAnOpenAiClientWhileTheRestIsHeldBack() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		anthropic.on(CLAUDE_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				writer.raw(AnthropicMockServer.streamOpening(CLAUDE_ID, "Hel"));
				await(release);
				writer.raw(REST);
			}
		});

		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(CLAUDE).addUserMessage("Hi").build();
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat().completions().createStreaming(params)) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			assertThat(next(chunks).choices().getFirst().delta().role()).isPresent();
			assertThat(next(chunks).choices().getFirst().delta().content()).hasValue("Hel");
			assertThat(release.getCount()).as("Anthropic is still holding the rest back").isEqualTo(1);
			release.countDown();
			assertThat(next(chunks).choices().getFirst().finishReason()).isPresent();
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void anOpenAiServersFirstWordsReachAnAnthropicClientWhileTheRestIsHeldBack() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		openAi.on(LLAMA_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				OpenAiMockServer.writeChatStream(writer, request, List.of("lo"), () -> {
					try {
						writer.event(OpenAiMockServer.chatChunk(request.model(), "{\"content\":\"Hel\"}", "null", true));
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
					await(release);
				});
			}
		});

		MessageCreateParams params = MessageCreateParams.builder().model(LLAMA).maxTokens(64).addUserMessage("Hi").build();
		try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream = anthropicSdk().messages()
			.createStreaming(params)) {
			Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
			assertThat(next(events).isMessageStart()).isTrue();
			assertThat(next(events).isContentBlockStart()).isTrue();
			assertThat(next(events).asContentBlockDelta().delta().asText().text()).isEqualTo("Hel");
			assertThat(release.getCount()).as("the server is still holding the rest back").isEqualTo(1);
			release.countDown();
			events.forEachRemaining(event -> {
			});
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void aClientThatGoesAwayCancelsTheCallToAnthropic() throws Exception {
		CompletableFuture<Long> upstreamWriteFailedAt = new CompletableFuture<>();
		anthropic.on(CLAUDE_ID, (exchange, request) -> {
			try (StreamWriter writer = StreamWriter.open(exchange)) {
				writer.raw(AnthropicMockServer.streamOpening(CLAUDE_ID, "tick"));
				long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
				while (System.nanoTime() < deadline) {
					writer.raw("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
							+ "\"delta\":{\"type\":\"text_delta\",\"text\":\"tick\"}}\n\n");
					Thread.sleep(20);
				}
			}
			catch (IOException ex) {
				upstreamWriteFailedAt.complete(System.nanoTime());
			}
		});

		long closedAt;
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model(CLAUDE).addUserMessage("Hi").build();
		try (StreamResponse<ChatCompletionChunk> stream = openAiSdk().chat().completions().createStreaming(params)) {
			Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
			next(chunks);
			next(chunks);
			closedAt = System.nanoTime();
		}

		long failedAt = upstreamWriteFailedAt.get(5, TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(failedAt - closedAt)).isLessThan(Duration.ofSeconds(3));
	}

	/** The next item, failing the test rather than hanging it when none comes. */
	private static <T> T next(Iterator<T> iterator) throws Exception {
		return CompletableFuture.supplyAsync(iterator::next).get(5, TimeUnit.SECONDS);
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
