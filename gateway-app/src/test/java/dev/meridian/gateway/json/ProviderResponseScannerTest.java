package dev.meridian.gateway.json;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderResponseScannerTest {

	@Test
	void readsModelAndUsageWhereverTheyStandAmongNestedFields() {
		String json = "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"{\\\"model\\\":1}\"}},{\"index\":1}],"
				+ "\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29,"
				+ "\"prompt_tokens_details\":{\"cached_tokens\":4}},\"model\":\"gpt-4o-2024-08-06\"}";
		ScannedResponse scanned = scan("garbage before " + json, "garbage before ".length());

		assertThat(scanned.model()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(json.substring(scanned.modelStart(), scanned.modelEnd())).isEqualTo("\"gpt-4o-2024-08-06\"");
		assertThat(scanned.usage()).isEqualTo(new Usage(19, 10, 4));
		assertThat(scanned.usageOnly()).isFalse();
	}

	@Test
	void recognisesTheUsageOnlyChunkOfAStream() {
		ScannedResponse usageChunk = scan("{\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}", 0);
		ScannedResponse contentChunk = scan("{\"model\":\"m\",\"choices\":[{\"delta\":{}}],\"usage\":null}", 0);

		assertThat(usageChunk.usageOnly()).isTrue();
		assertThat(contentChunk.usageOnly()).isFalse();
		assertThat(contentChunk.usage()).isNull();
	}

	@Test
	void readsTheResponsesApiUsageNames() {
		ScannedResponse scanned = scan("{\"usage\":{\"input_tokens\":7,\"output_tokens\":3,\"input_tokens_details\":{\"cached_tokens\":1}}}", 0);

		assertThat(scanned.usage()).isEqualTo(new Usage(7, 3, 1));
	}

	@Test
	void anythingElseIsReportedAsHavingNeitherField() {
		assertThat(scan("not json", 0).modelStart()).isEqualTo(-1);
		assertThat(scan("{\"model\":", 0).usage()).isNull();
	}

	private static ScannedResponse scan(String text, int offset) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return ProviderResponseScanner.scan(bytes, offset, bytes.length - offset);
	}

}
