package dev.meridian.gateway.provider.bedrock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import software.amazon.eventstream.HeaderValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStreamDecoderTest {

	private static final byte[] STREAM = BedrockFixtures.concat(
			BedrockFixtures.streamFrames("converse-stream-tool-use.json"));

	@Test
	void decodesAWholeStreamFedAtOnce() {
		List<EventStreamMessage> messages = new EventStreamDecoder().feed(STREAM);

		assertThat(messages).hasSize(17);
		assertThat(messages).allSatisfy(message -> assertThat(message.messageType()).isEqualTo("event"));
		assertThat(messages.getFirst().eventType()).isEqualTo("messageStart");
		assertThat(new String(messages.getFirst().payload(), StandardCharsets.UTF_8))
			.isEqualTo("{\"p\":\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM\",\"role\":\"assistant\"}");
		assertThat(messages.getLast().eventType()).isEqualTo("metadata");
	}

	@Test
	void decodesTheSameMessagesWhereverTheChunksSplitTheBytes() {
		List<String> expected = describe(new EventStreamDecoder().feed(STREAM));
		for (int chunkSize = 1; chunkSize <= 64; chunkSize++) {
			assertThat(describe(feedInChunks(STREAM, fixedSplits(STREAM.length, chunkSize))))
				.as("chunks of %d bytes", chunkSize)
				.isEqualTo(expected);
		}
		Random random = new Random(20_240_620);
		for (int run = 0; run < 200; run++) {
			assertThat(describe(feedInChunks(STREAM, randomSplits(STREAM.length, random))))
				.as("random split %d", run)
				.isEqualTo(expected);
		}
	}

	@Test
	void aMessageArrivesOnlyWhenItsLastByteHas() {
		byte[] frame = BedrockFixtures.eventFrame("contentBlockDelta",
				"{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}");
		EventStreamDecoder decoder = new EventStreamDecoder();

		assertThat(decoder.feed(Arrays.copyOf(frame, frame.length - 1))).isEmpty();
		assertThat(decoder.hasPartialMessage()).isTrue();
		assertThat(decoder.feed(new byte[] { frame[frame.length - 1] })).hasSize(1);
		assertThat(decoder.hasPartialMessage()).isFalse();
	}

	@Test
	void exceptionMessagesAreNamedByTheirExceptionType() {
		byte[] frame = BedrockFixtures.exceptionFrame("throttlingException",
				"{\"message\":\"Too many tokens, please wait before trying again.\"}");

		EventStreamMessage message = new EventStreamDecoder().feed(frame).getFirst();

		assertThat(message.messageType()).isEqualTo("exception");
		assertThat(message.eventType()).isEqualTo("throttlingException");
		assertThat(new String(message.payload(), StandardCharsets.UTF_8))
			.isEqualTo("{\"message\":\"Too many tokens, please wait before trying again.\"}");
	}

	@Test
	void errorMessagesCarryTheirCodeAndTheTextOfTheirMessageHeader() {
		EventStreamMessage message = new EventStreamDecoder()
			.feed(BedrockFixtures.errorFrame("InternalFailure", "The stream broke"))
			.getFirst();

		assertThat(message.messageType()).isEqualTo("error");
		assertThat(message.eventType()).isEqualTo("InternalFailure");
		assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("The stream broke");
	}

	@Test
	void aDamagedPayloadFailsTheMessageChecksum() {
		byte[] frame = BedrockFixtures.eventFrame("contentBlockDelta",
				"{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}");
		frame[frame.length - 10] ^= 0x20;

		assertThatThrownBy(() -> new EventStreamDecoder().feed(frame))
			.isInstanceOfSatisfying(GatewayException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(502);
				assertThat(ex.code()).isEqualTo("upstream_malformed_stream");
				assertThat(ex.getMessage()).contains("checksum");
			});
	}

	@Test
	void aDamagedPreludeFailsAsSoonAsThePreludeIsIn() {
		byte[] frame = BedrockFixtures.eventFrame("messageStart", "{\"role\":\"assistant\"}");
		frame[1] ^= 0x7f;

		assertThatThrownBy(() -> new EventStreamDecoder().feed(Arrays.copyOf(frame, 12)))
			.isInstanceOfSatisfying(GatewayException.class,
					ex -> assertThat(ex.getMessage()).contains("prelude checksum mismatch"));
	}

	@Test
	void aMessageWithoutAMessageTypeIsRejected() {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":event-type", HeaderValue.fromString("messageStart"));
		byte[] frame = BedrockFixtures.encode(headers, "{}".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> new EventStreamDecoder().feed(frame))
			.isInstanceOfSatisfying(GatewayException.class,
					ex -> assertThat(ex.getMessage()).contains(":message-type"));
	}

	private static List<EventStreamMessage> feedInChunks(byte[] bytes, List<Integer> splits) {
		EventStreamDecoder decoder = new EventStreamDecoder();
		List<EventStreamMessage> messages = new ArrayList<>();
		int from = 0;
		for (int to : splits) {
			messages.addAll(decoder.feed(Arrays.copyOfRange(bytes, from, to)));
			from = to;
		}
		assertThat(decoder.hasPartialMessage()).isFalse();
		return messages;
	}

	private static List<Integer> fixedSplits(int length, int chunkSize) {
		List<Integer> splits = new ArrayList<>();
		for (int to = chunkSize; to < length; to += chunkSize) {
			splits.add(to);
		}
		splits.add(length);
		return splits;
	}

	/** Chunk ends anywhere, empty chunks included, as a network read can deliver them. */
	private static List<Integer> randomSplits(int length, Random random) {
		List<Integer> splits = new ArrayList<>();
		int to = 0;
		while (to < length) {
			to = Math.min(length, to + random.nextInt(0, 300));
			splits.add(to);
		}
		return splits;
	}

	private static List<String> describe(List<EventStreamMessage> messages) {
		return messages.stream()
			.map(message -> message.messageType() + "/" + message.eventType() + "/"
					+ new String(message.payload(), StandardCharsets.UTF_8))
			.toList();
	}

}
