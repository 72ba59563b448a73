package dev.meridian.bench.load;

import java.util.concurrent.atomic.AtomicLong;

/** A running phase: hands out permission to start requests until its time or count is used up. */
final class Phase {

    private final long deadlineNanos;
    private final AtomicLong remaining;

    Phase(PhaseLimit limit, long startNanos) {
        this.deadlineNanos = startNanos + limit.duration().toNanos();
        this.remaining = new AtomicLong(limit.requests());
    }

    boolean tryStartRequest() {
        return System.nanoTime() - deadlineNanos < 0 && remaining.getAndDecrement() > 0;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }
}
