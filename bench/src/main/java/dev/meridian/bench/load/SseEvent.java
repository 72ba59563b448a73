package dev.meridian.bench.load;

/** One server-sent event; {@code name} is null when the event had no {@code event:} line. */
record SseEvent(String name, String data) {
}
