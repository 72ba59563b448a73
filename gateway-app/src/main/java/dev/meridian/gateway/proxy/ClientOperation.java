package dev.meridian.gateway.proxy;

/** The OpenAI API operations forwarded to providers, with what each requires of a request. */
enum ClientOperation {

	CHAT("chat", "/v1/chat/completions", "/chat/completions", "messages", true),
	COMPLETIONS("completions", "/v1/completions", "/completions", "prompt", true),
	EMBEDDINGS("embeddings", "/v1/embeddings", "/embeddings", "input", false);

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

	/** The path under an OpenAI-style provider's {@code base_url}. */
	String providerPath() {
		return providerPath;
	}

	String requiredField() {
		return requiredField;
	}

	boolean streamable() {
		return streamable;
	}

}
