package dev.meridian.gateway.provider.bedrock;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.openAiEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

class BedrockErrorsTest {

	@ParameterizedTest
	@CsvSource({
			"400, ValidationException,                  400, invalid_request_error, invalid_request,          false",
			"429, ThrottlingException,                  429, rate_limit_error,      rate_limit_exceeded,      true",
			"400, ServiceQuotaExceededException,        429, rate_limit_error,      rate_limit_exceeded,      true",
			"403, AccessDeniedException,                502, api_error,             upstream_access_denied,   true",
			"403, UnrecognizedClientException,          502, api_error,             upstream_auth_failed,     true",
			"403, InvalidSignatureException,            502, api_error,             upstream_auth_failed,     true",
			"403, ExpiredTokenException,                502, api_error,             upstream_auth_failed,     true",
			"404, ResourceNotFoundException,            502, api_error,             upstream_model_not_found, true",
			"408, ModelTimeoutException,                504, timeout_error,         upstream_timeout,         true",
			"429, ModelNotReadyException,               503, api_error,             model_not_ready,          true",
			"503, ServiceUnavailableException,          503, api_error,             upstream_unavailable,     true",
			"500, InternalServerException,              502, api_error,             upstream_error,           true",
			"424, ModelErrorException,                  502, api_error,             upstream_model_error,     true",
			"424, ModelStreamErrorException,            502, api_error,             upstream_model_error,     true" })
	void eachBedrockErrorMapsToItsStatusTypeCodeAndRetryability(int bedrockStatus, String errorType, int status,
			String type, String code, boolean retryable) {
		GatewayException error = BedrockErrors.fromResponse(bedrockStatus,
				errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/", """
						{"message":"details from Bedrock"}""");

		assertThat(error.status().value()).isEqualTo(status);
		assertThat(error.type()).isEqualTo(type);
		assertThat(error.code()).isEqualTo(code);
		assertThat(error.retryable()).isEqualTo(retryable);
		assertThat(error.getMessage()).isEqualTo("Bedrock " + errorType + ": details from Bedrock");
	}

	@Test
	void theErrorNameIsReadFromTheBodyWhenTheHeaderIsMissing() {
		GatewayException error = BedrockErrors.fromResponse(400, null, """
				{"__type":"com.amazon.coral.validate#ValidationException","Message":"maxTokens must be positive"}""");

		assertThat(error.status().value()).isEqualTo(400);
		assertThat(error.getMessage()).isEqualTo("Bedrock ValidationException: maxTokens must be positive");
	}

	@ParameterizedTest
	@CsvSource({ "400, 400, invalid_request", "401, 502, upstream_auth_failed", "404, 502, upstream_model_not_found",
			"413, 413, request_too_large", "429, 429, rate_limit_exceeded", "409, 409, invalid_request",
			"500, 502, upstream_error", "503, 503, upstream_unavailable", "504, 504, upstream_timeout" })
	void anUnnamedErrorIsJudgedByItsHttpStatus(int bedrockStatus, int status, String code) {
		GatewayException error = BedrockErrors.fromResponse(bedrockStatus, null, "<html><body>Bad Gateway</body></html>");

		assertThat(error.status().value()).isEqualTo(status);
		assertThat(error.code()).isEqualTo(code);
		assertThat(error.getMessage()).isEqualTo("Bedrock HTTP " + bedrockStatus);
	}

	@ParameterizedTest
	@CsvSource({ "throttlingException, 429", "modelStreamErrorException, 502", "validationException, 400",
			"serviceUnavailableException, 503", "internalServerException, 502", "somethingNewException, 502" })
	void streamExceptionsUseTheSameTable(String exceptionType, int status) {
		GatewayException error = BedrockErrors.fromStreamException(exceptionType, "it failed");

		assertThat(error.status().value()).isEqualTo(status);
		assertThat(error.getMessage()).endsWith(": it failed");
	}

	@Test
	void theEnvelopeIsOpenAis() {
		GatewayException error = BedrockErrors.fromResponse(429, "ThrottlingException", """
				{"message":"Too many requests, please wait before trying again."}""");

		assertThat(openAiEnvelope(error)).isEqualTo(object("""
				{"error":{"message":"Bedrock ThrottlingException: Too many requests, please wait before trying again.",
				 "type":"rate_limit_error","param":null,"code":"rate_limit_exceeded"}}"""));
	}

}
