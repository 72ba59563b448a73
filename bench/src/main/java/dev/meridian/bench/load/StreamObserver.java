package dev.meridian.bench.load;

import io.netty.buffer.ByteBuf;

/** Watches one SSE answer: when the first content chunk arrived, and the gaps between content chunks. */
final class StreamObserver {

    private static final int ERROR_SAMPLE_CHARS = 300;

    private final StreamDialect dialect;
    private final SseEventReader reader = new SseEventReader();
    private long firstContentNanos = -1;
    private long lastContentNanos;
    private long gapSumNanos;
    private long gapCount;
    private String errorEvent;

    StreamObserver(StreamDialect dialect) {
        this.dialect = dialect;
    }

    void onBytes(ByteBuf bytes, long nowNanos) {
        reader.feed(bytes, event -> onEvent(event, nowNanos));
    }

    private void onEvent(SseEvent event, long nowNanos) {
        switch (dialect.classify(event)) {
            case CONTENT -> {
                if (firstContentNanos < 0) {
                    firstContentNanos = nowNanos;
                } else {
                    gapSumNanos += nowNanos - lastContentNanos;
                    gapCount++;
                }
                lastContentNanos = nowNanos;
            }
            case ERROR -> {
                if (errorEvent == null) {
                    String data = event.data();
                    errorEvent = data.length() > ERROR_SAMPLE_CHARS ? data.substring(0, ERROR_SAMPLE_CHARS) : data;
                }
            }
            case OTHER -> {
            }
        }
    }

    boolean sawContent() {
        return firstContentNanos >= 0;
    }

    long firstContentNanos() {
        return firstContentNanos;
    }

    long gapSumNanos() {
        return gapSumNanos;
    }

    long gapCount() {
        return gapCount;
    }

    String errorEvent() {
        return errorEvent;
    }
}
