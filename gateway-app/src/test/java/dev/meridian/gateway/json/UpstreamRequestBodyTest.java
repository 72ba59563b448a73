package dev.meridian.gateway.json;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamRequestBodyTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void replacesOnlyTheModelValueAndKeepsEveryOtherByte() {
		String body = "{\"model\": \"fast\",\n  \"messages\":[{\"role\":\"user\",\"content\":\"model: fast\"}],\"x\":1.50}";
		UpstreamRequestBody upstream = forward(body, "gpt-4o-mini\"quoted");

		assertThat(text(upstream)).isEqualTo(
				"{\"model\": \"gpt-4o-mini\\\"quoted\",\n  \"messages\":[{\"role\":\"user\",\"content\":\"model: fast\"}],\"x\":1.50}");
		assertThat(upstream.stripUsageChunk()).isFalse();
	}

	@Test
	void sameModelAndNoStreamLeavesTheBodyUntouched() {
		byte[] body = ClientRequestScannerTest.bytes("{\"model\":\"m\",\"messages\":[]}");
		UpstreamRequestBody upstream = UpstreamRequestBody.of(body, ClientRequestScanner.scan(body, "messages"), "m", true);

		assertThat(upstream.bytes()).isSameAs(body);
	}

	@Test
	void asksForStreamUsageInEachShapeTheClientMayHaveSent() {
		assertIncludesUsage("{\"model\":\"m\",\"messages\":[],\"stream\":true}");
		assertIncludesUsage("{\"model\":\"m\",\"messages\":[],\"stream\":true,\"stream_options\":{}}");
		assertIncludesUsage("{\"model\":\"m\",\"messages\":[],\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}}");
		assertIncludesUsage("{\"model\":\"m\",\"messages\":[],\"stream\":true,\"stream_options\":{\"include_usage\":false}}");
	}

	@Test
	void leavesStreamOptionsAloneWhenTheClientAskedForUsageOrTheProviderRejectsThem() {
		String asked = "{\"model\":\"m\",\"messages\":[],\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
		UpstreamRequestBody upstream = forward(asked, "m");
		assertThat(text(upstream)).isEqualTo(asked);
		assertThat(upstream.stripUsageChunk()).isFalse();

		String plain = "{\"model\":\"m\",\"messages\":[],\"stream\":true}";
		byte[] body = ClientRequestScannerTest.bytes(plain);
		UpstreamRequestBody mistral = UpstreamRequestBody.of(body, ClientRequestScanner.scan(body, "messages"), "m", false);
		assertThat(new String(mistral.bytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		assertThat(mistral.stripUsageChunk()).isFalse();
	}

	private static void assertIncludesUsage(String body) {
		UpstreamRequestBody upstream = forward(body, "upstream-id");
		JsonNode sent = JSON.readTree(upstream.bytes());

		assertThat(sent.path("stream_options").path("include_usage").asBoolean()).as(text(upstream)).isTrue();
		assertThat(sent.path("model").asString()).isEqualTo("upstream-id");
		assertThat(upstream.stripUsageChunk()).isTrue();
	}

	private static UpstreamRequestBody forward(String body, String upstreamModel) {
		byte[] bytes = ClientRequestScannerTest.bytes(body);
		return UpstreamRequestBody.of(bytes, ClientRequestScanner.scan(bytes, "messages"), upstreamModel, true);
	}

	private static String text(UpstreamRequestBody body) {
		return new String(body.bytes(), StandardCharsets.UTF_8);
	}

}
