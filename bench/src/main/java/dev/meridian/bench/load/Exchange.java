package dev.meridian.bench.load;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** One request in flight: when it started, what status came back and, for streams, what its events showed. */
final class Exchange {

    /** Enough of an error body to tell what went wrong, without keeping whole pages. */
    private static final int ERROR_SAMPLE_BYTES = 300;

    private final long startNanos;
    private final StreamObserver stream;
    private int status;
    private boolean keepAlive = true;
    private StringBuilder errorBody;

    Exchange(long startNanos, StreamDialect streamDialect) {
        this.startNanos = startNanos;
        this.stream = streamDialect == null ? null : new StreamObserver(streamDialect);
    }

    void onHead(int status, boolean keepAlive) {
        this.status = status;
        this.keepAlive = keepAlive;
    }

    void onBytes(ByteBuf bytes, long nowNanos) {
        if (!bytes.isReadable()) {
            return;
        }
        if (!isSuccess()) {
            if (errorBody == null) {
                errorBody = new StringBuilder();
            }
            int room = ERROR_SAMPLE_BYTES - errorBody.length();
            if (room > 0) {
                int length = Math.min(room, bytes.readableBytes());
                errorBody.append(bytes.toString(bytes.readerIndex(), length, StandardCharsets.UTF_8));
            }
        } else if (stream != null) {
            stream.onBytes(bytes, nowNanos);
        }
    }

    boolean keepAlive() {
        return keepAlive;
    }

    void recordInto(Measurements measurements, long endNanos) {
        long latency = endNanos - startNanos;
        if (!isSuccess()) {
            measurements.recordError("HTTP " + status, errorBody == null ? "" : errorBody.toString());
        } else if (stream == null) {
            measurements.recordResponse(latency);
        } else if (stream.errorEvent() != null) {
            measurements.recordError("error event in stream", stream.errorEvent());
        } else if (!stream.sawContent()) {
            measurements.recordError("stream ended without a content chunk", null);
        } else {
            measurements.recordStream(latency, stream.firstContentNanos() - startNanos,
                    stream.gapSumNanos(), stream.gapCount());
        }
    }

    private boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
