package org.beacon.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Locale;

/**
 * How the server's event loops do their I/O. {@link #AUTO}, the default, takes the first this
 * machine offers of io_uring, epoll and NIO. With io_uring a loop hands all the sends of one turn
 * (a message's event to every recipient it serves) to the kernel in one system call instead of
 * one each; in the {@code fanout} benchmark that took a fifth off the server's CPU
 * (bench/README.md, twelfth sitting). Where io_uring is switched off (a container's seccomp
 * profile, {@code kernel.io_uring_disabled}) AUTO falls back to epoll.
 */
public enum ServerTransport {
    AUTO, IO_URING, EPOLL, NIO;

    /**
     * Submission-queue entries of an io_uring loop. Netty's default (128) is less than the sends
     * one loop makes for one conference message (250 in {@code fanout}); with it the server fell
     * 9 s behind in that benchmark's warm-up, both loops busy entering the kernel, and never caught
     * up (bench/README.md, twelfth sitting).
     */
    static final int IO_URING_RING_SIZE = 4_096;
    /**
     * Completion-queue entries of an io_uring loop: room for a whole site's reconnect storm (5,000
     * connections a loop in {@code resume-storm}) without the kernel parking the overflow.
     */
    static final int IO_URING_COMPLETION_QUEUE_SIZE = 32_768;

    /** The I/O of a transport as the server builds its loops and listening sockets with it. */
    record Loops(ServerTransport kind, IoHandlerFactory ioHandlers, Class<? extends ServerChannel> channelType) {
        /** epoll or io_uring: sockets with file descriptors, {@code SO_REUSEPORT}. */
        boolean isNative() {
            return kind != NIO;
        }
    }

    /**
     * The loops of this transport on this machine.
     *
     * @throws IllegalStateException when io_uring or epoll was asked for and this machine lacks it
     */
    Loops loops() {
        return switch (this) {
            case AUTO -> IoUring.isAvailable() ? ioUring() : Epoll.isAvailable() ? epoll() : nio();
            case IO_URING -> {
                requireAvailable(IoUring.isAvailable(), IoUring.unavailabilityCause());
                yield ioUring();
            }
            case EPOLL -> {
                requireAvailable(Epoll.isAvailable(), Epoll.unavailabilityCause());
                yield epoll();
            }
            case NIO -> nio();
        };
    }

    /** {@code auto}, {@code io_uring} (or {@code io-uring}), {@code epoll}, {@code nio}, in any case. */
    public static ServerTransport parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    private void requireAvailable(boolean available, Throwable cause) {
        if (!available) {
            throw new IllegalStateException("The " + this + " transport is not available on this machine: "
                    + (cause == null ? "unknown reason" : cause.getMessage()), cause);
        }
    }

    private static Loops ioUring() {
        IoUringIoHandlerConfig config = new IoUringIoHandlerConfig()
                .setRingSize(IO_URING_RING_SIZE)
                .setCqSize(IO_URING_COMPLETION_QUEUE_SIZE);
        return new Loops(IO_URING, IoUringIoHandler.newFactory(config), IoUringServerSocketChannel.class);
    }

    private static Loops epoll() {
        return new Loops(EPOLL, EpollIoHandler.newFactory(), EpollServerSocketChannel.class);
    }

    private static Loops nio() {
        return new Loops(NIO, NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }
}
