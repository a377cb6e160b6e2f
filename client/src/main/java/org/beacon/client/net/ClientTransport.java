package org.beacon.client.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An event loop group and the channel type that goes with it. Share one among many connections
 * (the load generator runs 15,000 on a handful of threads): each connection pins itself to one
 * loop of the group.
 */
public final class ClientTransport implements AutoCloseable {
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final boolean owned;

    private ClientTransport(EventLoopGroup group, Class<? extends SocketChannel> channelType, boolean owned) {
        this.group = Objects.requireNonNull(group, "group");
        this.channelType = Objects.requireNonNull(channelType, "channelType");
        this.owned = owned;
    }

    /** A new group of {@code threads} loops: epoll when the native library loads, else NIO. Closed by {@link #close()}. */
    public static ClientTransport create(int threads) {
        return Epoll.isAvailable() ? epoll(threads) : nio(threads);
    }

    /** A new NIO group, closed by {@link #close()}. */
    public static ClientTransport nio(int threads) {
        return create(threads, NioIoHandler.newFactory(), NioSocketChannel.class);
    }

    /** A new epoll group, closed by {@link #close()}; only where {@code Epoll.isAvailable()}. */
    public static ClientTransport epoll(int threads) {
        return create(threads, EpollIoHandler.newFactory(), EpollSocketChannel.class);
    }

    /**
     * A new group of {@code threads} loops with these IO handlers (io_uring, say, whose handler and
     * channel classes the caller brings); {@code type} must match them. Closed by {@link #close()}.
     */
    public static ClientTransport create(int threads, IoHandlerFactory factory, Class<? extends SocketChannel> type) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads < 1: " + threads);
        }
        return new ClientTransport(new MultiThreadIoEventLoopGroup(threads, factory), type, true);
    }

    /** A group owned by the caller (not shut down by {@link #close()}); the channel type must match its IO handler. */
    public static ClientTransport of(EventLoopGroup group, Class<? extends SocketChannel> channelType) {
        return new ClientTransport(group, channelType, false);
    }

    public EventLoopGroup group() {
        return group;
    }

    public Class<? extends SocketChannel> channelType() {
        return channelType;
    }

    /** Shuts the group down if this transport created it. Does not wait. */
    @Override
    public void close() {
        closeWhenQuiet(Duration.ZERO);
    }

    /**
     * Shuts the group down, if this transport created it, once no task has come for {@code quiet}
     * (within two seconds more at most): the channels still closing finish first, where with none
     * a loop may end while a socket's close is still in flight, and Netty logs a rejected task for
     * each. Does not wait.
     */
    public void closeWhenQuiet(Duration quiet) {
        if (owned) {
            group.shutdownGracefully(quiet.toMillis(), quiet.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        }
    }
}
