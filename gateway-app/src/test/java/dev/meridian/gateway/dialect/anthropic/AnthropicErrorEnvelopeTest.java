package dev.meridian.gateway.dialect.anthropic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

class AnthropicErrorEnvelopeTest {

	@ParameterizedTest
	@CsvSource({ "400, invalid_request_error", "422, invalid_request_error", "401, authentication_error",
			"402, billing_error", "403, permission_error", "404, not_found_error", "413, request_too_large",
			"429, rate_limit_error", "500, api_error", "502, api_error", "503, overloaded_error",
			"529, overloaded_error", "504, timeout_error" })
	void statusToErrorType(int status, String type) {
		assertThat(AnthropicErrorEnvelope.errorType(status)).isEqualTo(type);
	}

	@Test
	void rendersAnthropicsErrorShape() {
		assertJson(AnthropicErrorEnvelope.of(429, "Budget exceeded for key sk-...abcd"), """
				{"type":"error","error":{"type":"rate_limit_error","message":"Budget exceeded for key sk-...abcd"}}
				""");
	}

}
