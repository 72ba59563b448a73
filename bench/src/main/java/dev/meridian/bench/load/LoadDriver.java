package dev.meridian.bench.load;

import dev.meridian.bench.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs phases of closed-loop load: each client sends its next request as soon as the last one ends. */
final class LoadDriver implements AutoCloseable {

    /** Extra wait past a phase's deadline (plus the request timeout) before in-flight requests are abandoned. */
    private static final long DRAIN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final LoadPlan plan;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final RequestTemplate template;

    LoadDriver(LoadPlan plan) {
        Transport transport = Transport.best();
        this.plan = plan;
        this.group = transport.newEventLoopGroup(plan.threads(), "load");
        this.template = new RequestTemplate(plan);
        this.bootstrap = new Bootstrap()
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .remoteAddress(plan.url().getHost(), RequestTemplate.port(plan.url()));
    }

    PhaseResult run(PhaseLimit limit) throws InterruptedException {
        Measurements measurements = new Measurements();
        CountDownLatch finished = new CountDownLatch(plan.concurrency());
        long start = System.nanoTime();
        Phase phase = new Phase(limit, start);
        List<Worker> workers = new ArrayList<>(plan.concurrency());
        for (int i = 0; i < plan.concurrency(); i++) {
            workers.add(new Worker(group.next(), bootstrap, template, plan, phase, measurements,
                    finished::countDown));
        }
        workers.forEach(Worker::start);

        long waitNanos = phase.deadlineNanos() - System.nanoTime() + plan.requestTimeout().toNanos()
                + DRAIN_GRACE_NANOS;
        if (!finished.await(waitNanos, TimeUnit.NANOSECONDS)) {
            workers.forEach(Worker::abandon);
            finished.await(DRAIN_GRACE_NANOS, TimeUnit.NANOSECONDS);
        }
        return measurements.snapshot(start);
    }

    @Override
    public void close() {
        // Bounded: a stuck event loop must not keep the driver from reporting.
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
