package dev.meridian.gateway.provider.anthropic;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.meridian.gateway.testsupport.Fixtures.assertJson;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.openAiEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

class AnthropicErrorsTest {

	@ParameterizedTest
	@CsvSource(textBlock = """
			400, invalid_request_error, 400, invalid_request_error, invalid_request,        false
			409, invalid_request_error, 409, invalid_request_error, invalid_request,        false
			401, authentication_error,  401, authentication_error,  invalid_api_key,        false
			403, permission_error,      403, permission_error,      permission_denied,      false
			404, not_found_error,       404, not_found_error,       not_found,              false
			413, request_too_large,     413, invalid_request_error, request_too_large,      false
			429, rate_limit_error,      429, rate_limit_error,      rate_limit_exceeded,    true
			402, billing_error,         502, api_error,             upstream_billing_error, true
			500, api_error,             502, api_error,             upstream_error,         true
			504, timeout_error,         504, timeout_error,         upstream_timeout,       true
			529, overloaded_error,      503, api_error,             overloaded,             true
			418, teapot_error,          418, invalid_request_error, invalid_request,        false
			""")
	void anthropicErrorTypes(int anthropicStatus, String anthropicType, int status, String type, String code,
			boolean retryable) {
		String body = """
				{"type":"error","error":{"type":"%s","message":"Something specific"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}
				""".formatted(anthropicType);
		GatewayException error = AnthropicErrors.fromResponse(anthropicStatus, body);
		assertError(error, status, type, code, "Anthropic " + anthropicType + ": Something specific", retryable);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			401, 401, invalid_api_key,     false
			403, 403, permission_denied,   false
			404, 404, not_found,           false
			413, 413, request_too_large,   false
			429, 429, rate_limit_exceeded, true
			408, 504, upstream_timeout,    true
			504, 504, upstream_timeout,    true
			503, 503, overloaded,          true
			529, 503, overloaded,          true
			500, 502, upstream_error,      true
			502, 502, upstream_error,      true
			400, 400, invalid_request,     false
			422, 422, invalid_request,     false
			""")
	void bodiesThatAreNotAnthropicErrorsAreMappedByStatus(int anthropicStatus, int status, String code,
			boolean retryable) {
		GatewayException error = AnthropicErrors.fromResponse(anthropicStatus, "<html><body>Bad Gateway</body></html>");
		assertThat(error.status().value()).isEqualTo(status);
		assertThat(error.code()).isEqualTo(code);
		assertThat(error.retryable()).isEqualTo(retryable);
		assertThat(error.getMessage()).isEqualTo("Anthropic HTTP " + anthropicStatus);
	}

	@Test
	void emptyBodyAndPlainErrorString() {
		assertThat(AnthropicErrors.fromResponse(500, (String) null).getMessage()).isEqualTo("Anthropic HTTP 500");
		assertError(AnthropicErrors.fromResponse(401, "{\"error\":\"invalid key\"}"), 401, "authentication_error",
				"invalid_api_key", "Anthropic HTTP 401: invalid key", false);
	}

	@Test
	void overloadedErrorRendersTheOpenAiEnvelope() {
		GatewayException error = AnthropicErrors.fromResponse(529, object("""
				{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
				"""));
		assertJson(openAiEnvelope(error), """
				{"error":{"message":"Anthropic overloaded_error: Overloaded","type":"api_error","param":null,"code":"overloaded"}}
				""");
	}

	@Test
	void streamErrorEventIsMappedByItsType() {
		GatewayException error = AnthropicErrors.fromStreamError(object("""
				{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}
				"""));
		assertError(error, 503, "api_error", "overloaded", "Anthropic overloaded_error: Overloaded", true);
		GatewayException unknown = AnthropicErrors.fromStreamError(object("""
				{"type":"error","error":{"type":"something_new","message":"?"}}
				"""));
		assertThat(unknown.status().value()).isEqualTo(502);
		assertThat(unknown.retryable()).isTrue();
	}

	/** Every field the client and the routing see. */
	private static void assertError(GatewayException error, int status, String type, String code, String message,
			boolean retryable) {
		assertThat(error.status().value()).isEqualTo(status);
		assertThat(error.type()).isEqualTo(type);
		assertThat(error.code()).isEqualTo(code);
		assertThat(error.param()).isNull();
		assertThat(error.getMessage()).isEqualTo(message);
		assertThat(error.retryable()).isEqualTo(retryable);
	}

}
