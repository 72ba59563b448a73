package dev.meridian.gateway.provider;

/** The API a provider speaks on the wire; providers sharing one share an adapter. */
public enum WireFormat {

	/** OpenAI's Chat Completions family: forwarded byte for byte. */
	OPENAI,

	AZURE_OPENAI,

	ANTHROPIC,

	GEMINI,

	BEDROCK

}
