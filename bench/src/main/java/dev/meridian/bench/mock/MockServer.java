package dev.meridian.bench.mock;

import dev.meridian.bench.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Netty HTTP/1.1 server on 127.0.0.1 that answers the upstream APIs instantly. */
public final class MockServer implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final String transportName;

    private MockServer(EventLoopGroup group, Channel serverChannel, String transportName) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.transportName = transportName;
    }

    public static MockServer start(int port, int threads, Duration chunkDelay) throws InterruptedException {
        Transport transport = Transport.best();
        EventLoopGroup group = transport.newEventLoopGroup(threads, "mock");
        MockHandler handler = new MockHandler(Map.of(
                "/v1/chat/completions", new ChatCompletionsApi(),
                "/v1/responses", new ResponsesApi(),
                "/v1/messages", new MessagesApi()), chunkDelay);
        Channel channel = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(
                                new HttpServerCodec(),
                                new HttpServerKeepAliveHandler(),
                                new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                handler);
                    }
                })
                .bind("127.0.0.1", port)
                .sync()
                .channel();
        return new MockServer(group, channel, transport.name());
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public String transportName() {
        return transportName;
    }

    public void awaitClose() throws InterruptedException {
        serverChannel.closeFuture().await();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
