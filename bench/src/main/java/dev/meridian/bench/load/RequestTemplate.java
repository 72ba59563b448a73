package dev.meridian.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;

/**
 * The POST every client sends, built once: requests share the body bytes and the header set, so
 * sending costs no encoding work beyond Netty's own.
 */
final class RequestTemplate {

    private final String pathAndQuery;
    /** Shared by every request and never modified after construction. */
    private final HttpHeaders headers;
    private final ByteBuf body;

    RequestTemplate(LoadPlan plan) {
        URI url = plan.url();
        this.pathAndQuery = url.getRawQuery() == null
                ? nonEmpty(url.getRawPath())
                : nonEmpty(url.getRawPath()) + "?" + url.getRawQuery();
        this.body = Unpooled.unreleasableBuffer(
                Unpooled.directBuffer(plan.body().length).writeBytes(plan.body()));
        this.headers = new DefaultHttpHeaders()
                .set(HttpHeaderNames.HOST, url.getHost() + ":" + port(url))
                .set(HttpHeaderNames.USER_AGENT, "meridian-bench")
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, plan.body().length);
        for (LoadPlan.Header header : plan.headers()) {
            headers.set(header.name(), header.value());
        }
    }

    FullHttpRequest newRequest() {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, pathAndQuery,
                body.duplicate(), headers, EmptyHttpHeaders.INSTANCE);
    }

    static int port(URI url) {
        return url.getPort() < 0 ? 80 : url.getPort();
    }

    private static String nonEmpty(String path) {
        return path == null || path.isEmpty() ? "/" : path;
    }
}
