package dev.meridian.gateway.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The {@code type} of a provider entry. The named OpenAI-compatible services differ from
 * {@code openai_compatible} only in their default {@code base_url}.
 */
public enum ProviderType {

	OPENAI("https://api.openai.com/v1", WireFormat.OPENAI),
	OPENAI_COMPATIBLE(null, WireFormat.OPENAI),
	AZURE_OPENAI(null, WireFormat.AZURE_OPENAI),
	ANTHROPIC("https://api.anthropic.com", WireFormat.ANTHROPIC),
	GEMINI("https://generativelanguage.googleapis.com", WireFormat.GEMINI),
	BEDROCK(null, WireFormat.BEDROCK),
	MISTRAL("https://api.mistral.ai/v1", WireFormat.OPENAI),
	TOGETHER("https://api.together.xyz/v1", WireFormat.OPENAI),
	GROQ("https://api.groq.com/openai/v1", WireFormat.OPENAI),
	OLLAMA("http://localhost:11434/v1", WireFormat.OPENAI),
	XAI("https://api.x.ai/v1", WireFormat.OPENAI),
	CEREBRAS("https://api.cerebras.ai/v1", WireFormat.OPENAI),
	DEEPSEEK("https://api.deepseek.com/v1", WireFormat.OPENAI),
	OPENROUTER("https://openrouter.ai/api/v1", WireFormat.OPENAI),
	VLLM("http://localhost:8000/v1", WireFormat.OPENAI);

	private static final Map<String, ProviderType> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(ProviderType::configName, Function.identity()));

	private final @Nullable String defaultBaseUrl;

	private final WireFormat wireFormat;

	ProviderType(@Nullable String defaultBaseUrl, WireFormat wireFormat) {
		this.defaultBaseUrl = defaultBaseUrl;
		this.wireFormat = wireFormat;
	}

	/** The name used in the configuration file, e.g. {@code openai_compatible}. */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public @Nullable String defaultBaseUrl() {
		return defaultBaseUrl;
	}

	public WireFormat wireFormat() {
		return wireFormat;
	}

	/**
	 * Whether the provider accepts {@code stream_options.include_usage}; Mistral rejects unknown
	 * fields and always ends its streams with usage.
	 */
	public boolean acceptsStreamOptions() {
		return this != MISTRAL;
	}

	public static @Nullable ProviderType fromConfigName(String name) {
		return BY_NAME.get(name.toLowerCase(Locale.ROOT));
	}

	public static String configNames() {
		return Arrays.stream(values()).map(ProviderType::configName).collect(Collectors.joining(", "));
	}

}
