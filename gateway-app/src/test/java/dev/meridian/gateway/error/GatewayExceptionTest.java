package dev.meridian.gateway.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayExceptionTest {

	@ParameterizedTest
	@CsvSource({ "400, false", "401, false", "404, false", "413, false", "429, true", "500, true", "502, true",
			"503, true", "504, true" })
	void retryableUnlessTheRequestIsAtFault(int status, boolean retryable) {
		GatewayException error = new GatewayException(HttpStatus.valueOf(status), "api_error", null, null, "failed");

		assertThat(error.retryable()).isEqualTo(retryable);
	}

	@Test
	void aProviderTableMaySayOtherwise() {
		assertThat(GatewayException.of(502, "api_error", "upstream_billing_error", "billing", false).retryable())
			.isFalse();
		assertThat(GatewayException.of(400, "invalid_request_error", null, "quota", true).retryable()).isTrue();
	}

	@Test
	void aStatusSpringDoesNotKnowIsABadGateway() {
		GatewayException error = GatewayException.of(529, "api_error", "overloaded", "Overloaded");

		assertThat(error.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(error.retryable()).isTrue();
	}

	@Test
	void refusalsOfARequestNameTheParameterAtFault() {
		GatewayException error = GatewayException.unsupportedParameter("needs OpenAI's servers", "background");

		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.code()).isEqualTo("unsupported_parameter");
		assertThat(error.param()).isEqualTo("background");
		assertThat(error.retryable()).isFalse();
		assertThat(GatewayException.missingParameter("input").getMessage())
			.isEqualTo("Missing required parameter: 'input'.");
	}

}
