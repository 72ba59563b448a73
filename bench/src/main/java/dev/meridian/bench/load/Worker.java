package dev.meridian.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * One simulated client: a single keep-alive connection sending one request at a time. Everything
 * runs on the worker's own event loop, so its state needs no locking.
 */
final class Worker {

    /** Pause after a failure, so a refused or dropping target is not hammered in a tight loop. */
    private static final long RETRY_DELAY_MILLIS = 10;

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final RequestTemplate template;
    private final StreamDialect streamDialect;
    private final Phase phase;
    private final Measurements measurements;
    private final Runnable onFinished;

    private Channel channel;
    private Exchange exchange;
    private boolean finished;

    Worker(EventLoop loop, Bootstrap bootstrap, RequestTemplate template, LoadPlan plan, Phase phase,
            Measurements measurements, Runnable onFinished) {
        this.loop = loop;
        this.template = template;
        this.streamDialect = plan.streamDialect();
        this.phase = phase;
        this.measurements = measurements;
        this.onFinished = onFinished;
        long timeoutSeconds = Math.max(1, plan.requestTimeout().toSeconds());
        this.bootstrap = bootstrap.clone(loop).handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(
                        new HttpClientCodec(),
                        new IdleStateHandler(timeoutSeconds, 0, 0, TimeUnit.SECONDS),
                        new ResponseHandler(Worker.this));
            }
        });
    }

    void start() {
        loop.execute(this::next);
    }

    /** Called when the phase overran its drain time: whatever is still in flight counts as an error. */
    void abandon() {
        loop.execute(() -> {
            if (exchange != null) {
                measurements.recordError("no answer before the phase ended", null);
                exchange = null;
            }
            finish();
        });
    }

    private void next() {
        if (finished) {
            return;
        }
        if (!phase.tryStartRequest()) {
            finish();
        } else if (channel != null && channel.isActive()) {
            send();
        } else {
            connect();
        }
    }

    private void connect() {
        bootstrap.connect().addListener((ChannelFuture connected) -> {
            if (finished) {
                connected.channel().close();
            } else if (connected.isSuccess()) {
                channel = connected.channel();
                send();
            } else {
                measurements.recordError("connect failed: " + describe(connected.cause()), null);
                retryLater();
            }
        });
    }

    private void send() {
        exchange = new Exchange(System.nanoTime(), streamDialect);
        channel.writeAndFlush(template.newRequest()).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                onFailure(written.channel(), "write failed: " + describe(written.cause()));
            }
        });
    }

    void onResponseHead(Channel from, HttpResponse response) {
        if (from == channel && exchange != null) {
            exchange.onHead(response.status().code(), HttpUtil.isKeepAlive(response));
        }
    }

    void onContent(Channel from, HttpContent content) {
        if (from != channel || exchange == null) {
            return;
        }
        long now = System.nanoTime();
        exchange.onBytes(content.content(), now);
        if (content instanceof LastHttpContent) {
            complete(now);
        }
    }

    void onFailure(Channel from, String reason) {
        if (from != channel) {
            return;
        }
        closeChannel();
        if (exchange != null) {
            exchange = null;
            measurements.recordError(reason, null);
            retryLater();
        }
    }

    private void complete(long endNanos) {
        Exchange done = exchange;
        exchange = null;
        done.recordInto(measurements, endNanos);
        if (!done.keepAlive()) {
            closeChannel();
        }
        next();
    }

    private void retryLater() {
        loop.schedule(this::next, RETRY_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void finish() {
        if (!finished) {
            finished = true;
            closeChannel();
            onFinished.run();
        }
    }

    private void closeChannel() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    static String describe(Throwable cause) {
        return cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
