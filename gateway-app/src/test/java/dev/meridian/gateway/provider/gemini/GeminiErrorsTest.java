package dev.meridian.gateway.provider.gemini;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.openAiEnvelope;
import static dev.meridian.gateway.testsupport.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class GeminiErrorsTest {

	@ParameterizedTest(name = "{0} -> {2}")
	@CsvSource({
			"api-key-invalid.json,          400, 401, authentication_error,  invalid_api_key,      false",
			"unauthenticated.json,          401, 401, authentication_error,  invalid_api_key,      false",
			"invalid-argument.json,         400, 400, invalid_request_error, invalid_request,      false",
			"failed-precondition.json,      400, 400, invalid_request_error, failed_precondition,  false",
			"permission-denied.json,        403, 403, permission_error,      permission_denied,    false",
			"not-found.json,                404, 404, not_found_error,       not_found,            false",
			"resource-exhausted.json,       429, 429, rate_limit_error,      rate_limit_exceeded,  true",
			"internal.json,                 500, 502, api_error,             upstream_error,       true",
			"unavailable.json,              503, 503, api_error,             upstream_unavailable, true",
			"deadline-exceeded.json,        504, 504, timeout_error,         upstream_timeout,     true",
			"stream-array-unavailable.json, 503, 503, api_error,             upstream_unavailable, true",
			"proxy-page.html,               502, 502, api_error,             upstream_error,       true"})
	void geminiErrorsMapToOpenAiErrors(String fixture, int httpStatus, int status, String type, String code,
			boolean retryable) {
		GatewayException error = GeminiErrors.fromResponse(httpStatus, text("gemini/errors/" + fixture));

		assertThat(error.status().value()).isEqualTo(status);
		assertThat(error.retryable()).isEqualTo(retryable);
		assertThat(openAiEnvelope(error).at("/error/type").asString()).isEqualTo(type);
		assertThat(openAiEnvelope(error).at("/error/code").asString()).isEqualTo(code);
		assertThat(openAiEnvelope(error).at("/error/param").isNull()).isTrue();
	}

	@Test
	void envelopeKeepsGeminisStatusAndMessage() {
		GatewayException error = GeminiErrors.fromResponse(404, text("gemini/errors/not-found.json"));

		assertThat(openAiEnvelope(error)).isEqualTo(object("""
				{"error": {"message": "Gemini NOT_FOUND: models/gemini-0.9-ultra is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.",
						   "type": "not_found_error", "param": null, "code": "not_found"}}
				"""));
	}

	@Test
	void bodiesWithoutAGeminiErrorAreJudgedByHttpStatus() {
		assertThat(GeminiErrors.fromResponse(429, "").status().value()).isEqualTo(429);
		assertThat(GeminiErrors.fromResponse(413, "Request Entity Too Large").status().value()).isEqualTo(400);
		assertThat(openAiEnvelope(GeminiErrors.fromResponse(504, null)).at("/error/message").asString())
				.isEqualTo("Gemini HTTP 504");
		assertThat(GeminiErrors.fromResponse(500, "{}").retryable()).isTrue();
	}
}
