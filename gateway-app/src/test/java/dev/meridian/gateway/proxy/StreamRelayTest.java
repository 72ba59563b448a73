package dev.meridian.gateway.proxy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.json.Usage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamRelayTest {

	private static final String CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"}}],\"usage\":null}\n\n";

	private static final String USAGE = "data: {\"id\":\"c\",\"model\":\"gpt-4o-2024-08-06\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}\n\n";

	private static final String DONE = "data: [DONE]\n\n";

	@Test
	void relaysWholeEventsWithTheClientsModelNameHowEverTheNetworkSplitsThem() {
		String stream = CHUNK.formatted("Hel") + CHUNK.formatted("lo") + USAGE + DONE;
		String expected = CHUNK.formatted("Hel").replace("gpt-4o-2024-08-06", "smart")
				+ CHUNK.formatted("lo").replace("gpt-4o-2024-08-06", "smart") + DONE;
		byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
		for (int cut = 1; cut < bytes.length; cut += 7) {
			StreamRelay relay = new StreamRelay("smart", true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(relay.onChunk(java.util.Arrays.copyOfRange(bytes, 0, cut)));
			out.writeBytes(relay.onChunk(java.util.Arrays.copyOfRange(bytes, cut, bytes.length)));
			out.writeBytes(relay.onComplete());

			assertThat(out.toString(StandardCharsets.UTF_8)).as("cut at %d", cut).isEqualTo(expected);
			assertThat(relay.usage()).isEqualTo(new Usage(5, 2, 0));
		}
	}

	@Test
	void holdsBackNothingButAnIncompleteEvent() {
		StreamRelay relay = new StreamRelay("gpt-4o-2024-08-06", false);
		String first = CHUNK.formatted("a");

		assertThat(new String(relay.onChunk((first + "data: {\"partial").getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8)).isEqualTo(first);
		assertThat(new String(relay.onComplete(), StandardCharsets.UTF_8)).isEqualTo("data: {\"partial");
	}

	@Test
	void keepsTheUsageChunkWhenTheClientAskedForItAndPassesOtherEventsAsTheyAre() {
		StreamRelay relay = new StreamRelay("gpt-4o-2024-08-06", false);
		String events = ": keep-alive\n\n" + "event: custom\r\ndata: {\"model\":\"gpt-4o-2024-08-06\"}\r\n\r\n" + USAGE + DONE;

		assertThat(new String(relay.onChunk(events.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
			.isEqualTo(events);
	}

}
