package dev.meridian.bench.mock;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends an SSE stream as a chunked response with one flush per event, so each event leaves as its
 * own write, like a real model producing tokens. An optional delay spaces the events out.
 */
final class EventStreamWriter {

    private final ChannelHandlerContext ctx;
    private final List<byte[]> events;
    private final long delayNanos;

    private EventStreamWriter(ChannelHandlerContext ctx, List<byte[]> events, Duration delay) {
        this.ctx = ctx;
        this.events = events;
        this.delayNanos = delay.toNanos();
    }

    static void write(ChannelHandlerContext ctx, List<byte[]> events, Duration delay) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.write(head);
        new EventStreamWriter(ctx, events, delay).sendFrom(0);
    }

    private void sendFrom(int index) {
        for (int i = index; i < events.size(); i++) {
            if (!ctx.channel().isActive()) {
                return;
            }
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(events.get(i))));
            if (delayNanos > 0 && i + 1 < events.size()) {
                int next = i + 1;
                ctx.executor().schedule(() -> sendFrom(next), delayNanos, TimeUnit.NANOSECONDS);
                return;
            }
        }
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }
}
