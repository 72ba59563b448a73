package dev.meridian.gateway.provider.gemini;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.array;
import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeminiRequestTranslatorTest {

	private final GeminiRequestTranslator translator = new GeminiRequestTranslator();

	@Test
	void plainUserMessageBecomesOneUserTurn() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"model": "gemini-flash", "messages": [{"role": "user", "content": "Say hello."}]}
				"""));

		assertThat(request).isEqualTo(object("""
				{"contents": [{"role": "user", "parts": [{"text": "Say hello."}]}]}
				"""));
	}

	@Test
	void systemAndDeveloperMessagesBecomeTheSystemInstruction() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [
				  {"role": "system", "content": "You are terse."},
				  {"role": "developer", "content": [{"type": "text", "text": "Answer in French."}]},
				  {"role": "user", "content": "Hi"}
				]}
				"""));

		assertThat(request.get("systemInstruction")).isEqualTo(object("""
				{"parts": [{"text": "You are terse."}, {"text": "Answer in French."}]}
				"""));
		assertThat(request.get("contents")).hasSize(1);
	}

	@Test
	void multiTurnMapsAssistantToModelAndMergesConsecutiveTurnsOfOneRole() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [
				  {"role": "user", "content": "Hi"},
				  {"role": "user", "content": [{"type": "text", "text": "Are you there?"}]},
				  {"role": "assistant", "content": "Yes."},
				  {"role": "assistant", "content": "How can I help?"},
				  {"role": "user", "content": "Tell me a joke."}
				]}
				"""));

		assertThat(request.get("contents")).isEqualTo(array("""
				[
				  {"role": "user", "parts": [{"text": "Hi"}, {"text": "Are you there?"}]},
				  {"role": "model", "parts": [{"text": "Yes."}, {"text": "How can I help?"}]},
				  {"role": "user", "parts": [{"text": "Tell me a joke."}]}
				]
				"""));
	}

	@Test
	void toolsBecomeFunctionDeclarationsWithGeminiSchemas() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": "Weather in Paris?"}],
				 "tools": [
				   {"type": "function", "function": {
					 "name": "get_weather", "description": "Current weather", "strict": true,
					 "parameters": {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
					   "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
					   "required": ["city"], "additionalProperties": false}}},
				   {"type": "function", "function": {"name": "get_time", "parameters": {"type": "object", "properties": {}}}}
				 ]}
				"""));

		assertThat(request.get("tools")).isEqualTo(array("""
				[{"functionDeclarations": [
				  {"name": "get_weather", "description": "Current weather",
				   "parameters": {"type": "OBJECT",
					 "properties": {"city": {"type": "STRING"}, "unit": {"type": "STRING", "enum": ["celsius", "fahrenheit"]}},
					 "required": ["city"]}},
				  {"name": "get_time"}
				]}]
				"""));
	}

	@ParameterizedTest
	@CsvSource({"auto, AUTO", "none, NONE", "required, ANY"})
	void toolChoiceModes(String toolChoice, String mode) {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": "Hi"}], "tool_choice": "%s"}
				""".formatted(toolChoice)));

		assertThat(request.get("toolConfig")).isEqualTo(object("""
				{"functionCallingConfig": {"mode": "%s"}}
				""".formatted(mode)));
	}

	@Test
	void namedToolChoiceAllowsOnlyThatFunction() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": "Hi"}],
				 "tool_choice": {"type": "function", "function": {"name": "get_weather"}}}
				"""));

		assertThat(request.get("toolConfig")).isEqualTo(object("""
				{"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_weather"]}}
				"""));
	}

	@Test
	void toolCallsAndResultsTravelAsFunctionCallAndFunctionResponse() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [
				  {"role": "user", "content": "Weather and time in Paris?"},
				  {"role": "assistant", "content": null, "tool_calls": [
					{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"},
					 "extra_content": {"google": {"thought_signature": "c2lnbmF0dXJl"}}},
					{"id": "call_2", "type": "function", "function": {"name": "get_time", "arguments": ""}}
				  ]},
				  {"role": "tool", "tool_call_id": "call_1", "content": "{\\"temperature\\": 21}"},
				  {"role": "tool", "tool_call_id": "call_2", "content": "14:05"},
				  {"role": "user", "content": "Thanks!"}
				]}
				"""));

		assertThat(request.get("contents")).isEqualTo(array("""
				[
				  {"role": "user", "parts": [{"text": "Weather and time in Paris?"}]},
				  {"role": "model", "parts": [
					{"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}, "thoughtSignature": "c2lnbmF0dXJl"},
					{"functionCall": {"name": "get_time", "args": {}}}
				  ]},
				  {"role": "user", "parts": [
					{"functionResponse": {"name": "get_weather", "response": {"temperature": 21}}},
					{"functionResponse": {"name": "get_time", "response": {"content": "14:05"}}},
					{"text": "Thanks!"}
				  ]}
				]
				"""));
	}

	@Test
	void unsignedToolCallHistoryGetsTheDocumentedStandInSignatureOnItsFirstCall() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [
				  {"role": "user", "content": "Weather and time?"},
				  {"role": "assistant", "content": "Looking.", "tool_calls": [
					{"id": "a", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}},
					{"id": "b", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}
				  ]},
				  {"role": "tool", "tool_call_id": "a", "content": "sunny"},
				  {"role": "tool", "tool_call_id": "b", "content": "noon"}
				]}
				"""));

		var modelParts = request.get("contents").get(1).get("parts");
		assertThat(modelParts.get(0)).isEqualTo(object("""
				{"text": "Looking."}
				"""));
		assertThat(modelParts.get(1).get("thoughtSignature").asString()).isEqualTo("skip_thought_signature_validator");
		assertThat(modelParts.get(2).has("thoughtSignature")).isFalse();
	}

	@Test
	void toolResultRoundTripsWithAToolCallTheResponseTranslatorProduced() {
		ObjectNode completion = new GeminiResponseTranslator().toChatCompletion(
				resource("gemini/function-call-response.json"), "gemini-flash", "chatcmpl-1", 1L);
		ObjectNode assistant = (ObjectNode) completion.get("choices").get(0).get("message");
		String weatherCallId = assistant.get("tool_calls").get(0).get("id").asString();
		String timeCallId = assistant.get("tool_calls").get(1).get("id").asString();

		ObjectNode chat = object("""
				{"messages": [{"role": "user", "content": "Weather and time in Paris?"}]}
				""");
		chat.withArray("messages").add(assistant);
		chat.withArray("messages").addObject().put("role", "tool").put("tool_call_id", timeCallId).put("content", "14:05");
		chat.withArray("messages").addObject().put("role", "tool").put("tool_call_id", weatherCallId).put("content", "sunny");
		ObjectNode request = translator.toGenerateContentRequest(chat);

		assertThat(request.get("contents").get(1)).isEqualTo(object("""
				{"role": "model", "parts": [
				  {"functionCall": {"name": "get_weather", "args": {"city": "Paris", "unit": "celsius"}},
				   "thoughtSignature": "CiQB0e2Kb7m0pMNZ3Kq1yTz0n6Wq4y1rZb9fJ1xq0cQ3b2a1ZgpKAdHtim8="},
				  {"functionCall": {"name": "get_time", "args": {"timezone": "Europe/Paris"}}}
				]}
				"""));
		assertThat(request.get("contents").get(2).get("parts")).extracting(p -> p.at("/functionResponse/name").asString())
				.containsExactly("get_time", "get_weather");
	}

	@Test
	void imagesTravelInlineOrAsFileData() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": [
				  {"type": "text", "text": "Compare these."},
				  {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo=", "detail": "high"}},
				  {"type": "image_url", "image_url": {"url": "https://example.com/cats/tabby.WEBP?size=large"}},
				  {"type": "image_url", "image_url": {"url": "https://example.com/render"}}
				]}]}
				"""));

		assertThat(request.get("contents").get(0).get("parts")).isEqualTo(array("""
				[
				  {"text": "Compare these."},
				  {"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}},
				  {"fileData": {"mimeType": "image/webp", "fileUri": "https://example.com/cats/tabby.WEBP?size=large"}},
				  {"fileData": {"mimeType": "image/jpeg", "fileUri": "https://example.com/render"}}
				]
				"""));
	}

	@Test
	void jsonObjectResponseFormatAsksForJson() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": "List three colours as JSON."}],
				 "response_format": {"type": "json_object"}}
				"""));

		assertThat(request.get("generationConfig")).isEqualTo(object("""
				{"responseMimeType": "application/json"}
				"""));
	}

	@Test
	void jsonSchemaResponseFormatPassesTheSchemaAsResponseJsonSchema() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": "Extract the person."}],
				 "response_format": {"type": "json_schema", "json_schema": {"name": "person", "strict": true, "schema":
				   {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": ["integer", "null"]}},
					"required": ["name", "age"], "additionalProperties": false}}}}
				"""));

		assertThat(request.get("generationConfig")).isEqualTo(object("""
				{"responseMimeType": "application/json", "responseJsonSchema":
				  {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": ["integer", "null"]}},
				   "required": ["name", "age"], "additionalProperties": false}}
				"""));
	}

	@Test
	void samplingParametersBecomeTheGenerationConfig() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": "Hi"}], "temperature": 0.2, "top_p": 0.9,
				 "max_tokens": 100, "max_completion_tokens": 256, "stop": "END", "n": 2, "seed": 7,
				 "presence_penalty": 0.5, "frequency_penalty": -0.5, "stream": true, "user": "u-1"}
				"""));

		assertThat(request.get("generationConfig")).isEqualTo(object("""
				{"temperature": 0.2, "topP": 0.9, "maxOutputTokens": 256, "stopSequences": ["END"],
				 "candidateCount": 2, "seed": 7, "presencePenalty": 0.5, "frequencyPenalty": -0.5}
				"""));
	}

	@Test
	void maxTokensAndStopListAreUsedWhenAlone() {
		ObjectNode request = translator.toGenerateContentRequest(object("""
				{"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 100, "stop": ["a", "b"]}
				"""));

		assertThat(request.get("generationConfig")).isEqualTo(object("""
				{"maxOutputTokens": 100, "stopSequences": ["a", "b"]}
				"""));
	}

	@Test
	void invalidToolCallArgumentsAreABadRequest() {
		assertBadRequest("""
				{"messages": [
				  {"role": "user", "content": "Hi"},
				  {"role": "assistant", "tool_calls": [{"id": "c", "type": "function",
					"function": {"name": "get_weather", "arguments": "{city: Paris"}}]}
				]}
				""", "invalid_value", "get_weather");
	}

	@Test
	void toolResultForAnUnknownCallIsABadRequest() {
		assertBadRequest("""
				{"messages": [{"role": "user", "content": "Hi"}, {"role": "tool", "tool_call_id": "call_x", "content": "42"}]}
				""", "invalid_value", "call_x");
	}

	@Test
	void imageUrlsOfOtherSchemesAreABadRequest() {
		assertBadRequest("""
				{"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "ftp://example.com/a.png"}}]}]}
				""", "invalid_value", "image_url");
	}

	@Test
	void nonBase64DataUrlsAreABadRequest() {
		assertBadRequest("""
				{"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/svg+xml,<svg/>"}}]}]}
				""", "invalid_value", "base64");
	}

	@Test
	void unsupportedContentPartsAndRolesAreABadRequest() {
		assertBadRequest("""
				{"messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "AAA=", "format": "wav"}}]}]}
				""", "unsupported_value", "input_audio");
		assertBadRequest("""
				{"messages": [{"role": "function", "name": "f", "content": "1"}]}
				""", "unsupported_value", "function");
	}

	@Test
	void missingMessagesOrNonNumericSamplingAreABadRequest() {
		assertBadRequest("""
				{"messages": []}
				""", "invalid_value", "messages");
		assertBadRequest("""
				{"messages": [{"role": "system", "content": "Only a system prompt."}]}
				""", "invalid_value", "user or assistant");
		assertBadRequest("""
				{"messages": [{"role": "user", "content": "Hi"}], "temperature": "hot"}
				""", "invalid_value", "temperature");
	}

	@Test
	void generatePathPutsTheModelInTheUrl() {
		assertThat(GeminiRequestTranslator.generatePath("gemini-2.5-flash", false))
				.isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
		assertThat(GeminiRequestTranslator.generatePath("models/gemini-2.5-flash", true))
				.isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
	}

	private void assertBadRequest(String chatRequest, String code, String messagePart) {
		assertThatThrownBy(() -> translator.toGenerateContentRequest(object(chatRequest)))
				.isInstanceOfSatisfying(GatewayException.class, e -> {
					assertThat(e.status().value()).isEqualTo(400);
					assertThat(e.code()).isEqualTo(code);
				})
				.hasMessageContaining(messagePart);
	}
}
