package dev.meridian.gateway.json;

import java.nio.charset.StandardCharsets;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRequestScannerTest {

	@Test
	void findsTheModelStreamFlagAndTheModelValueOffsets() {
		String body = "{ \"messages\": [{\"role\":\"user\",\"content\":\"a \\\"model\\\": x\"}], \"model\" : \"gpt-4o\", \"stream\": true}";
		ScannedRequest request = ClientRequestScanner.scan(bytes(body), "messages");

		assertThat(request.model()).isEqualTo("gpt-4o");
		assertThat(request.stream()).isTrue();
		assertThat(body.substring(request.modelStart(), request.modelEnd())).isEqualTo("\"gpt-4o\"");
		assertThat(request.streamOptionsStart()).isEqualTo(-1);
		assertThat(request.includeUsage()).isNull();
	}

	@Test
	void offsetsCountBytesNotCharacters() {
		String body = "{\"messages\":[{\"content\":\"héllo → 世界\"}],\"model\":\"m\\u00e9\"}";
		ScannedRequest request = ClientRequestScanner.scan(bytes(body), "messages");
		byte[] raw = bytes(body);

		assertThat(request.model()).isEqualTo("mé");
		assertThat(new String(raw, request.modelStart(), request.modelEnd() - request.modelStart(),
				StandardCharsets.UTF_8)).isEqualTo("\"m\\u00e9\"");
	}

	@Test
	void readsStreamOptions() {
		String body = "{\"model\":\"m\",\"messages\":[],\"stream\":true,\"stream_options\":{\"include_usage\":false}}";
		ScannedRequest request = ClientRequestScanner.scan(bytes(body), "messages");

		assertThat(request.includeUsage()).isFalse();
		assertThat(body.substring(request.includeUsageStart(), request.includeUsageStart() + 5)).isEqualTo("false");
		assertThat(body.charAt(request.streamOptionsStart())).isEqualTo('{');
		assertThat(request.streamOptionsEmpty()).isFalse();
	}

	@Test
	void rejectsWhatIsNotOneJsonObject() {
		assertThatThrownBy(() -> ClientRequestScanner.scan(bytes("{\"model\":"), "messages"))
			.isInstanceOf(GatewayException.class)
			.hasMessageContaining("not valid JSON");
		assertThatThrownBy(() -> ClientRequestScanner.scan(bytes("{} {}"), "messages"))
			.hasMessageContaining("unexpected content");
		assertThatThrownBy(() -> ClientRequestScanner.scan(bytes("\"text\""), "messages"))
			.hasMessageContaining("must be a JSON object");
	}

	@Test
	void requiresTheEndpointsField() {
		assertThatThrownBy(() -> ClientRequestScanner.scan(bytes("{\"model\":\"m\",\"messages\":null}"), "messages"))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.param()).isEqualTo("messages"));
		assertThatThrownBy(() -> ClientRequestScanner.scan(bytes("{\"model\":\"\",\"messages\":[]}"), "messages"))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.param()).isEqualTo("model"));
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
