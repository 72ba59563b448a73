package dev.meridian.bench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/** Passes a connection's response parts and failures to its {@link Worker}. */
final class ResponseHandler extends ChannelInboundHandlerAdapter {

    private final Worker worker;

    ResponseHandler(Worker worker) {
        this.worker = worker;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                worker.onFailure(ctx.channel(), "malformed response: " + Worker.describe(object.decoderResult().cause()));
                return;
            }
            if (msg instanceof HttpResponse response) {
                worker.onResponseHead(ctx.channel(), response);
            }
            if (msg instanceof HttpContent content) {
                worker.onContent(ctx.channel(), content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            worker.onFailure(ctx.channel(), "timeout: no bytes received in time");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        worker.onFailure(ctx.channel(), "connection closed before the response ended");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        worker.onFailure(ctx.channel(), "I/O error: " + Worker.describe(cause));
    }
}
