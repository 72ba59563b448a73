package dev.meridian.bench.mock;

import java.util.List;

/** One upstream API's wire format: the complete answer and the server-sent-event stream. */
interface UpstreamApi {

    /** JSON body of the non-streaming answer. */
    byte[] completeResponse(MockRequest request);

    /** The stream, one element per SSE event (already framed); each is flushed on its own. */
    List<byte[]> streamEvents(MockRequest request);
}
