package dev.meridian.gateway.dialect.responses;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.openai.core.ObjectMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON as the official OpenAI Java SDK reads a server's answer, so a test fails where the SDK would. */
final class OpenAiSdkJson {

	private OpenAiSdkJson() {
	}

	static <T> T sdk(JsonNode json, Class<T> type) {
		try {
			return ObjectMappers.jsonMapper().readValue(JsonMapper.shared().writeValueAsString(json), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
