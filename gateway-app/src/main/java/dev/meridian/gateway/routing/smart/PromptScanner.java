package dev.meridian.gateway.routing.smart;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Measures the {@link Feature}s of a request in one streaming pass over its bytes, for the three
 * client formats at once: OpenAI chat ({@code messages}, {@code tools}, {@code response_format},
 * image parts), Anthropic Messages ({@code system}, content blocks, image blocks) and OpenAI
 * Responses ({@code instructions}, {@code input} as a string or items, {@code text.format}), plus
 * the legacy {@code prompt}. The last user message that carries text is analysed in full; the rest
 * only counts towards the context. Image data and tool schemas are skipped without being read as text.
 * One instance serves one request at a time, and is reused by the next: {@link #scan} starts afresh.
 */
final class PromptScanner {

	private static final JsonFactory JSON = new JsonFactory();

	/** Tool schemas, tool calls and results are JSON: about one token per three bytes. */
	private static final double TOKENS_PER_JSON_BYTE = 0.3;

	private enum Role { UNKNOWN, USER, SYSTEM, OTHER }

	private final CueMatcher matcher;

	private TextStats current = new TextStats();

	private TextStats lastUser = new TextStats();

	private boolean hasLastUser;

	private double contextTokens;

	private double systemTokens;

	private int turns;

	private int turnsBeforeLastUser;

	private int tools;

	private int structuredOutput;

	private int images;

	private boolean hasPrompt;

	PromptScanner(CueMatcher matcher) {
		this.matcher = matcher;
	}

	/**
	 * @return the feature values, indexed by {@link Feature#ordinal()}
	 * @throws InvalidPromptException when the body is not JSON or has no prompt
	 */
	double[] scan(byte[] body, int offset, int length) {
		reset();
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, offset, length)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new InvalidPromptException("The request body must be a JSON object.", null);
			}
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				topLevel(parser, name, value);
			}
		}
		catch (JacksonException ex) {
			throw new InvalidPromptException("The request body is not valid JSON: " + ex.getOriginalMessage(), null);
		}
		if (!hasPrompt) {
			throw new InvalidPromptException("The request has no prompt: send 'messages' (chat completions, Messages)"
					+ " or 'input' (Responses).", "messages");
		}
		return values();
	}

	private void reset() {
		current.reset();
		lastUser.reset();
		hasLastUser = false;
		contextTokens = 0;
		systemTokens = 0;
		turns = 0;
		turnsBeforeLastUser = 0;
		tools = 0;
		structuredOutput = 0;
		images = 0;
		hasPrompt = false;
	}

	private void topLevel(JsonParser parser, String name, JsonToken value) {
		switch (name) {
			case "messages" -> {
				if (value == JsonToken.START_ARRAY) {
					hasPrompt = true;
					messages(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			case "input", "prompt" -> {
				if (value == JsonToken.VALUE_STRING) {
					hasPrompt = true;
					current.reset();
					scanText(parser, current);
					endMessage(Role.USER);
				}
				else if (value == JsonToken.START_ARRAY) {
					hasPrompt = true;
					messages(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			case "system", "instructions" -> systemTokens += textTokens(parser, value);
			case "tools", "functions" -> {
				if (value == JsonToken.START_ARRAY) {
					long start = parser.currentTokenLocation().getByteOffset();
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						tools++;
						parser.skipChildren();
					}
					contextTokens += jsonTokens(start, parser);
				}
				else {
					parser.skipChildren();
				}
			}
			case "response_format" -> structuredOutput = Math.max(structuredOutput, formatType(parser, value));
			case "text" -> {
				if (value == JsonToken.START_OBJECT) {
					String field;
					while ((field = parser.nextName()) != null) {
						JsonToken token = parser.nextToken();
						if ("format".equals(field)) {
							structuredOutput = Math.max(structuredOutput, formatType(parser, token));
						}
						else {
							parser.skipChildren();
						}
					}
				}
				else {
					parser.skipChildren();
				}
			}
			default -> parser.skipChildren();
		}
	}

	/** The elements of {@code messages} or {@code input}: messages, Responses items, or plain strings. */
	private void messages(JsonParser parser) {
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (token == JsonToken.START_OBJECT) {
				message(parser);
			}
			else if (token == JsonToken.VALUE_STRING) {
				current.reset();
				scanText(parser, current);
				endMessage(Role.USER);
			}
			else {
				parser.skipChildren();
			}
		}
	}

	private void message(JsonParser parser) {
		current.reset();
		Role role = Role.UNKNOWN;
		double structuredTokens = 0;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "role" -> role = role(parser, value);
				case "content" -> structuredTokens += content(parser, value, role);
				case "output", "arguments", "tool_calls", "function_call" -> {
					long start = parser.currentTokenLocation().getByteOffset();
					parser.skipChildren();
					structuredTokens += jsonTokens(start, parser);
				}
				default -> parser.skipChildren();
			}
		}
		if (role == Role.SYSTEM) {
			systemTokens += current.tokens() + structuredTokens;
			return;
		}
		contextTokens += structuredTokens;
		endMessage(role);
	}

	/** A user message with text becomes the last user message; anything else is context. */
	private void endMessage(Role role) {
		if (role == Role.USER && !current.isEmpty()) {
			if (hasLastUser) {
				contextTokens += lastUser.tokens();
			}
			TextStats previous = lastUser;
			lastUser = current;
			current = previous;
			hasLastUser = true;
			turnsBeforeLastUser = turns;
		}
		else {
			contextTokens += current.tokens();
		}
		turns++;
	}

	/** @return the tokens of structured parts (tool calls and results) found in the content */
	private double content(JsonParser parser, JsonToken value, Role role) {
		if (value == JsonToken.VALUE_STRING) {
			text(parser, role);
			return 0;
		}
		double structured = 0;
		if (value == JsonToken.START_ARRAY) {
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (token == JsonToken.START_OBJECT) {
					structured += part(parser, role);
				}
				else if (token == JsonToken.VALUE_STRING) {
					text(parser, role);
				}
				else {
					parser.skipChildren();
				}
			}
		}
		else if (value == JsonToken.START_OBJECT) {
			structured += part(parser, role);
		}
		return structured;
	}

	/** A content part or block: text, an image (counted, never read), or a tool call or result. */
	private double part(JsonParser parser, Role role) {
		double structured = 0;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "type" -> {
					if (value == JsonToken.VALUE_STRING && isImageType(parser)) {
						images++;
					}
				}
				case "text" -> {
					if (value == JsonToken.VALUE_STRING) {
						text(parser, role);
					}
					else {
						parser.skipChildren();
					}
				}
				case "content", "input", "output", "arguments" -> {
					long start = parser.currentTokenLocation().getByteOffset();
					parser.skipChildren();
					structured += jsonTokens(start, parser);
				}
				default -> parser.skipChildren();
			}
		}
		return structured;
	}

	/** Text of a user message (or of one whose role is not known yet) is analysed; other text only counted. */
	private void text(JsonParser parser, Role role) {
		if (role == Role.USER || role == Role.UNKNOWN) {
			scanText(parser, current);
		}
		else {
			double tokens = TextStats.estimateTokens(parser.getStringCharacters(), parser.getStringOffset(),
					parser.getStringLength());
			if (role == Role.SYSTEM) {
				systemTokens += tokens;
			}
			else {
				contextTokens += tokens;
			}
		}
	}

	private void scanText(JsonParser parser, TextStats into) {
		into.scan(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength(), matcher);
	}

	/** The tokens of a string, or of the text blocks of an array (Anthropic's {@code system}). */
	private static double textTokens(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_STRING) {
			return TextStats.estimateTokens(parser.getStringCharacters(), parser.getStringOffset(),
					parser.getStringLength());
		}
		if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
			long start = parser.currentTokenLocation().getByteOffset();
			parser.skipChildren();
			return jsonTokens(start, parser);
		}
		return 0;
	}

	private static double jsonTokens(long start, JsonParser parser) {
		long end = parser.currentLocation().getByteOffset();
		return (start < 0 || end < start) ? 0 : (end - start) * TOKENS_PER_JSON_BYTE;
	}

	/** 2 for a JSON schema, 1 for free-form JSON, 0 otherwise. */
	private static int formatType(JsonParser parser, JsonToken value) {
		if (value != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return 0;
		}
		int type = 0;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			if ("type".equals(name) && token == JsonToken.VALUE_STRING) {
				if (equals(parser, "json_schema")) {
					type = 2;
				}
				else if (equals(parser, "json_object")) {
					type = 1;
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return type;
	}

	private static Role role(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_STRING) {
			parser.skipChildren();
			return Role.UNKNOWN;
		}
		if (equals(parser, "user")) {
			return Role.USER;
		}
		return (equals(parser, "system") || equals(parser, "developer")) ? Role.SYSTEM : Role.OTHER;
	}

	private static boolean isImageType(JsonParser parser) {
		return equals(parser, "image_url") || equals(parser, "image") || equals(parser, "input_image");
	}

	/** Compares the current string value without making a String of it. */
	private static boolean equals(JsonParser parser, String expected) {
		int length = parser.getStringLength();
		if (length != expected.length()) {
			return false;
		}
		char[] chars = parser.getStringCharacters();
		int offset = parser.getStringOffset();
		for (int i = 0; i < length; i++) {
			if (chars[offset + i] != expected.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private double[] values() {
		TextStats last = hasLastUser ? lastUser : current;
		if (!hasLastUser) {
			last.reset();
		}
		double[] values = new double[Feature.ALL.size()];
		values[Feature.TOKENS.ordinal()] = last.tokens();
		values[Feature.CONTEXT_TOKENS.ordinal()] = contextTokens;
		values[Feature.CODE_BLOCKS.ordinal()] = last.codeBlocks;
		values[Feature.CODE_LINES.ordinal()] = last.codeLines;
		values[Feature.CODE_CUES.ordinal()] = last.cues[CueKind.CODE.ordinal()];
		values[Feature.MATH.ordinal()] = last.mathExpressions + last.cues[CueKind.MATH.ordinal()];
		values[Feature.REASONING_CUES.ordinal()] = last.cues[CueKind.REASONING.ordinal()];
		values[Feature.SCOPE_CUES.ordinal()] = last.cues[CueKind.SCOPE.ordinal()];
		values[Feature.TASK_CUES.ordinal()] = last.cues[CueKind.TASK.ordinal()];
		values[Feature.CLAUSES.ordinal()] = last.clauses;
		values[Feature.MULTI_STEP.ordinal()] = last.listItems + last.cues[CueKind.MULTI_STEP.ordinal()];
		values[Feature.QUESTIONS.ordinal()] = last.questions;
		values[Feature.CONVERSATION_DEPTH.ordinal()] = turnsBeforeLastUser;
		values[Feature.SYSTEM_PROMPT_TOKENS.ordinal()] = systemTokens;
		values[Feature.TOOLS.ordinal()] = tools;
		values[Feature.STRUCTURED_OUTPUT.ordinal()] = structuredOutput;
		values[Feature.IMAGES.ordinal()] = images;
		values[Feature.NON_LATIN.ordinal()] = last.nonLatinShare();
		values[Feature.SIMPLE_CUES.ordinal()] = last.cues[CueKind.SIMPLE.ordinal()];
		return values;
	}

}
