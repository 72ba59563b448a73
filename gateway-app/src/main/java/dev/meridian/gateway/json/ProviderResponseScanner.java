package dev.meridian.gateway.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads an OpenAI-format response or stream chunk in one pass for the two things the gateway needs
 * from it: where the {@code model} value is (to answer with the name the client asked for) and the
 * {@code usage} (for accounting). Everything else is skipped.
 */
public final class ProviderResponseScanner {

	private static final ScannedResponse NOT_JSON = new ScannedResponse(null, -1, -1, null, false);

	private ProviderResponseScanner() {
	}

	/** Never fails: a body that is not a JSON object is reported as having neither field. */
	public static ScannedResponse scan(byte[] bytes, int offset, int length) {
		try (JsonParser parser = Json.parser(bytes, offset, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return NOT_JSON;
			}
			return scanObject(parser, true);
		}
		catch (JacksonException ex) {
			return NOT_JSON;
		}
	}

	/**
	 * Reads the fields of the object the parser is in. At the top level, the object wrapped by
	 * {@code message} (Anthropic's {@code message_start}) or {@code response} (the Responses API's
	 * events) is read too, since that is where those streams put the model and usage.
	 */
	private static ScannedResponse scanObject(JsonParser parser, boolean topLevel) {
		String model = null;
		int modelStart = -1;
		int modelEnd = -1;
		Usage usage = null;
		boolean choicesEmpty = false;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "model" -> {
					if (value == JsonToken.VALUE_STRING) {
						modelStart = (int) parser.currentTokenLocation().getByteOffset();
						model = parser.getString();
						modelEnd = (int) parser.currentLocation().getByteOffset();
					}
					else {
						parser.skipChildren();
					}
				}
				case "usage" -> usage = (value == JsonToken.START_OBJECT) ? usage(parser) : null;
				case "choices" -> choicesEmpty = isEmptyArray(parser, value);
				case "message", "response" -> {
					if (topLevel && value == JsonToken.START_OBJECT) {
						ScannedResponse inner = scanObject(parser, false);
						if (inner.modelStart() >= 0) {
							model = inner.model();
							modelStart = inner.modelStart();
							modelEnd = inner.modelEnd();
						}
						if (inner.usage() != null) {
							usage = inner.usage();
						}
					}
					else {
						parser.skipChildren();
					}
				}
				default -> parser.skipChildren();
			}
		}
		return new ScannedResponse(model, modelStart, modelEnd, usage, choicesEmpty && usage != null);
	}

	/** Whether the value is {@code []}; leaves the parser after the value either way. */
	private static boolean isEmptyArray(JsonParser parser, @Nullable JsonToken value) {
		if (value != JsonToken.START_ARRAY) {
			parser.skipChildren();
			return false;
		}
		if (parser.nextToken() == JsonToken.END_ARRAY) {
			return true;
		}
		do {
			parser.skipChildren();
		}
		while (parser.nextToken() != JsonToken.END_ARRAY);
		return false;
	}

	/**
	 * Reads OpenAI's namings, prompt/completion (chat, embeddings) and input/output (Responses), and
	 * Anthropic's, whose {@code input_tokens} leaves out the tokens read from or written to its cache.
	 */
	private static Usage usage(JsonParser parser) {
		long prompt = 0;
		long completion = 0;
		long cached = 0;
		long cacheRead = 0;
		long cacheWrite = 0;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "prompt_tokens", "input_tokens" -> prompt = number(parser, value);
				case "completion_tokens", "output_tokens" -> completion = number(parser, value);
				case "prompt_tokens_details", "input_tokens_details" -> cached = cachedTokens(parser, value);
				case "cache_read_input_tokens" -> cacheRead = number(parser, value);
				case "cache_creation_input_tokens" -> cacheWrite = number(parser, value);
				default -> parser.skipChildren();
			}
		}
		if (cacheRead > 0 || cacheWrite > 0) {
			return new Usage(prompt + cacheRead + cacheWrite, completion, cacheRead);
		}
		return new Usage(prompt, completion, cached);
	}

	private static long cachedTokens(JsonParser parser, @Nullable JsonToken value) {
		if (value != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return 0;
		}
		long cached = 0;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			if ("cached_tokens".equals(name)) {
				cached = number(parser, token);
			}
			else {
				parser.skipChildren();
			}
		}
		return cached;
	}

	private static long number(JsonParser parser, @Nullable JsonToken value) {
		return (value == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue() : 0;
	}

}
