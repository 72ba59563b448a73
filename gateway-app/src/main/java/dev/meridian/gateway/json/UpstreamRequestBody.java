package dev.meridian.gateway.json;

import java.nio.charset.StandardCharsets;

/**
 * The client's body as forwarded upstream: the same bytes, except the model name (when the
 * deployment's upstream id differs) and, for streams, {@code stream_options.include_usage} turned
 * on so the gateway learns the usage of every stream.
 *
 * @param stripUsageChunk the client did not ask for the usage chunk, so it must not see it
 */
public record UpstreamRequestBody(byte[] bytes, boolean stripUsageChunk) {

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] INCLUDE_USAGE_FIRST = "\"include_usage\":true,".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] INCLUDE_USAGE_ONLY = "\"include_usage\":true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] STREAM_OPTIONS = "\"stream_options\":{\"include_usage\":true},"
		.getBytes(StandardCharsets.US_ASCII);

	/**
	 * @param requestStreamUsage whether the provider accepts {@code stream_options}; those that do
	 * not (Mistral) send usage in their last chunk anyway
	 */
	public static UpstreamRequestBody of(byte[] body, ScannedRequest request, String upstreamModel,
			boolean requestStreamUsage) {
		ByteEdits edits = new ByteEdits();
		if (!upstreamModel.equals(request.model())) {
			edits.replace(request.modelStart(), request.modelEnd(), Json.quoted(upstreamModel));
		}
		boolean strip = false;
		if (request.stream() && requestStreamUsage && !request.clientWantsStreamUsage()) {
			strip = true;
			if (request.includeUsage() != null) {
				edits.replace(request.includeUsageStart(), request.includeUsageStart() + "false".length(), TRUE);
			}
			else if (request.streamOptionsStart() >= 0) {
				int inside = request.streamOptionsStart() + 1;
				edits.replace(inside, inside, request.streamOptionsEmpty() ? INCLUDE_USAGE_ONLY : INCLUDE_USAGE_FIRST);
			}
			else {
				edits.replace(request.rootStart() + 1, request.rootStart() + 1, STREAM_OPTIONS);
			}
		}
		return new UpstreamRequestBody(edits.applyTo(body, 0, body.length), strip);
	}

}
