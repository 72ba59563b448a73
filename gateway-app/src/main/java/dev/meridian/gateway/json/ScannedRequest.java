package dev.meridian.gateway.json;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway needs from a client's JSON body, with the byte offsets of the values it may
 * rewrite. Offsets are -1 where the field is absent.
 *
 * @param modelStart offset of the opening quote of the {@code model} value
 * @param modelEnd offset just past its closing quote
 * @param rootStart offset of the body's opening brace
 * @param streamOptionsStart offset of the opening brace of {@code stream_options}
 * @param streamOptionsEmpty whether {@code stream_options} is {@code {}}
 * @param includeUsage the value of {@code stream_options.include_usage}, null when absent
 * @param includeUsageStart offset of that boolean literal
 */
public record ScannedRequest(String model, boolean stream, int modelStart, int modelEnd, int rootStart,
		int streamOptionsStart, boolean streamOptionsEmpty, @Nullable Boolean includeUsage, int includeUsageStart) {

	/** Whether the client asked for the final usage chunk of a stream. */
	public boolean clientWantsStreamUsage() {
		return Boolean.TRUE.equals(includeUsage);
	}

}
