package dev.meridian.gateway.json;

import dev.meridian.gateway.error.GatewayException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a client's request body in one streaming pass: validates that it is one well-formed JSON
 * object, takes {@code model}, {@code stream} and {@code stream_options}, checks that the field
 * the endpoint requires is present, and skips everything else without building it.
 */
public final class ClientRequestScanner {

	private ClientRequestScanner() {
	}

	/**
	 * @param requiredField the field the endpoint cannot work without, e.g. {@code messages}
	 * @throws GatewayException 400 for malformed JSON or missing and mistyped fields
	 */
	public static ScannedRequest scan(byte[] body, String requiredField) {
		try (JsonParser parser = Json.parser(body, 0, body.length)) {
			return scan(parser, requiredField);
		}
		catch (JacksonException ex) {
			throw GatewayException.invalidJson(describe(ex));
		}
	}

	private static ScannedRequest scan(JsonParser parser, String requiredField) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw GatewayException.invalidRequest("The request body must be a JSON object.", null);
		}
		int rootStart = offset(parser);
		String model = null;
		int modelStart = -1;
		int modelEnd = -1;
		boolean stream = false;
		boolean required = false;
		StreamOptions options = StreamOptions.ABSENT;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "model" -> {
					if (value != JsonToken.VALUE_STRING) {
						throw GatewayException.invalidRequest("'model' must be a string.", "model");
					}
					modelStart = offset(parser);
					model = parser.getString();
					modelEnd = (int) parser.currentLocation().getByteOffset();
				}
				case "stream" -> {
					if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE && value != JsonToken.VALUE_NULL) {
						throw GatewayException.invalidRequest("'stream' must be a boolean.", "stream");
					}
					stream = value == JsonToken.VALUE_TRUE;
				}
				case "stream_options" -> options = streamOptions(parser, value);
				default -> {
					if (name.equals(requiredField) && value != JsonToken.VALUE_NULL) {
						required = true;
					}
					parser.skipChildren();
				}
			}
		}
		if (parser.nextToken() != null) {
			throw GatewayException.invalidJson("unexpected content after the JSON object");
		}
		if (model == null || model.isBlank()) {
			throw GatewayException.invalidRequest("you must provide a model parameter", "model");
		}
		if (!required) {
			throw GatewayException.invalidRequest("Missing required parameter: '" + requiredField + "'.", requiredField);
		}
		return new ScannedRequest(model, stream, modelStart, modelEnd, rootStart, options.start(), options.empty(),
				options.includeUsage(), options.includeUsageStart());
	}

	private record StreamOptions(int start, boolean empty, @Nullable Boolean includeUsage, int includeUsageStart) {

		static final StreamOptions ABSENT = new StreamOptions(-1, true, null, -1);

	}

	private static StreamOptions streamOptions(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_NULL) {
			return StreamOptions.ABSENT;
		}
		if (value != JsonToken.START_OBJECT) {
			throw GatewayException.invalidRequest("'stream_options' must be an object.", "stream_options");
		}
		int start = offset(parser);
		boolean empty = true;
		Boolean includeUsage = null;
		int includeUsageStart = -1;
		String name;
		while ((name = parser.nextName()) != null) {
			empty = false;
			JsonToken token = parser.nextToken();
			if ("include_usage".equals(name) && (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)) {
				includeUsage = token == JsonToken.VALUE_TRUE;
				includeUsageStart = offset(parser);
			}
			else {
				parser.skipChildren();
			}
		}
		return new StreamOptions(start, empty, includeUsage, includeUsageStart);
	}

	/** Jackson's message without its source excerpt, plus where the problem is. */
	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int excerpt = message.indexOf(" (start marker at");
		if (excerpt < 0) {
			excerpt = message.indexOf("\n at [Source");
		}
		String reason = (excerpt < 0) ? message : message.substring(0, excerpt);
		var location = ex.getLocation();
		return (location == null || location.getByteOffset() < 0) ? reason
				: reason + " (at byte " + location.getByteOffset() + ")";
	}

	private static int offset(JsonParser parser) {
		return (int) parser.currentTokenLocation().getByteOffset();
	}

}
