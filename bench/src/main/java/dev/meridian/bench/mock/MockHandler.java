package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Routes a request to its API and answers at once: a JSON body, or an event stream. */
@Sharable
final class MockHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final Map<String, UpstreamApi> apisByPath;
    private final Duration chunkDelay;

    MockHandler(Map<String, UpstreamApi> apisByPath, Duration chunkDelay) {
        this.apisByPath = apisByPath;
        this.chunkDelay = chunkDelay;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = pathOf(request.uri());
        UpstreamApi api = apisByPath.get(path);
        if (api == null) {
            ctx.writeAndFlush(error(HttpResponseStatus.NOT_FOUND, "no such path: " + path));
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            ctx.writeAndFlush(error(HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST"));
            return;
        }
        MockRequest parsed;
        try {
            parsed = MockRequest.parse(ByteBufUtil.getBytes(request.content()));
        } catch (IllegalArgumentException e) {
            ctx.writeAndFlush(error(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
            return;
        }
        if (parsed.stream()) {
            EventStreamWriter.write(ctx, api.streamEvents(parsed), chunkDelay);
        } else {
            ctx.writeAndFlush(json(HttpResponseStatus.OK, api.completeResponse(parsed)));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A client that goes away mid-stream is normal under load; just drop the connection.
        ctx.close();
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** OpenAI's error envelope, which every client of the mock understands. */
    private static FullHttpResponse error(HttpResponseStatus status, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("error")
                .put("message", message)
                .put("type", "invalid_request_error")
                .putNull("param")
                .putNull("code");
        return json(status, Json.MAPPER.writeValueAsBytes(body));
    }

    private static FullHttpResponse json(HttpResponseStatus status, byte[] body) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }
}
