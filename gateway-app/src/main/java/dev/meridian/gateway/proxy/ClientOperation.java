package dev.meridian.gateway.proxy;

import java.util.Map;

import dev.meridian.gateway.dialect.NamedEvent;
import dev.meridian.gateway.dialect.anthropic.AnthropicErrorEnvelope;
import dev.meridian.gateway.dialect.openai.ChatCompletionsDialect;
import dev.meridian.gateway.error.GatewayException;
import dev.meridian.gateway.error.OpenAiErrorBody;
import dev.meridian.gateway.provider.Provider;
import dev.meridian.gateway.provider.openai.AzureOpenAiUrls;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import dev.meridian.gateway.provider.ProviderType;
import dev.meridian.gateway.provider.WireFormat;

/**
 * The client API operations, what each requires of a request, and which providers speak each one
 * natively (and so get the client's bytes forwarded as they are).
 */
enum ClientOperation {

	CHAT("chat", "/v1/chat/completions", "/chat/completions", "messages", true),
	COMPLETIONS("completions", "/v1/completions", "/completions", "prompt", true),
	EMBEDDINGS("embeddings", "/v1/embeddings", "/embeddings", "input", false),
	MESSAGES("messages", "/v1/messages", "/v1/messages", "messages", true),
	RESPONSES("responses", "/v1/responses", "/responses", "input", true);

	private static final String ANTHROPIC_BETA = "anthropic-beta";

	private final String metricName;

	private final String clientPath;

	private final String providerPath;

	private final String requiredField;

	private final boolean streamable;

	ClientOperation(String metricName, String clientPath, String providerPath, String requiredField,
			boolean streamable) {
		this.metricName = metricName;
		this.clientPath = clientPath;
		this.providerPath = providerPath;
		this.requiredField = requiredField;
		this.streamable = streamable;
	}

	String metricName() {
		return metricName;
	}

	String clientPath() {
		return clientPath;
	}

	String requiredField() {
		return requiredField;
	}

	boolean streamable() {
		return streamable;
	}

	/** Whether the provider speaks this API itself, so the request needs no translation. */
	boolean isNativeTo(ProviderType type) {
		WireFormat wire = type.wireFormat();
		return switch (this) {
			case CHAT, COMPLETIONS, EMBEDDINGS -> wire == WireFormat.OPENAI || wire == WireFormat.AZURE_OPENAI;
			case MESSAGES -> wire == WireFormat.ANTHROPIC;
			// OpenAI-compatible servers rarely implement the Responses API; OpenAI itself does.
			case RESPONSES -> type == ProviderType.OPENAI;
		};
	}

	/**
	 * Whether the provider reports stream usage only when asked through {@code stream_options}: the
	 * OpenAI family (Mistral excepted, which always reports it). Anthropic always reports it.
	 */
	boolean asksForStreamUsage(ProviderType type) {
		return (this == CHAT || this == COMPLETIONS) && type.acceptsStreamOptions();
	}

	/** The event that ends a stream which failed after it started, in this API's own form. */
	byte[] streamErrorEvent(GatewayException error) {
		if (this == MESSAGES) {
			return new NamedEvent("error", AnthropicErrorEnvelope.of(error.status().value(), error.getMessage())).toBytes();
		}
		if (this == RESPONSES) {
			ObjectNode event = JsonMapper.shared().createObjectNode()
				.put("type", "error")
				.put("code", error.code())
				.put("message", error.getMessage());
			event.putNull("param");
			return new NamedEvent("error", event).toBytes();
		}
		return ChatCompletionsDialect.event(OpenAiErrorBody.of(error));
	}

	/**
	 * The client's headers that go along when its bytes are forwarded: a Messages body may use
	 * beta features, which Anthropic accepts only with the {@code anthropic-beta} header naming them.
	 */
	Map<String, String> forwardedHeaders(HttpHeaders client) {
		String betas = client.getFirst(ANTHROPIC_BETA);
		return (this == MESSAGES && betas != null) ? Map.of(ANTHROPIC_BETA, betas) : Map.of();
	}

	/** Where a provider that speaks this API natively serves it. */
	String nativeUrl(Provider provider, String upstreamModel) {
		if (provider.type().wireFormat() == WireFormat.AZURE_OPENAI) {
			return AzureOpenAiUrls.deployment(provider, upstreamModel, providerPath);
		}
		return provider.baseUrl().resolve(providerPath);
	}

}
