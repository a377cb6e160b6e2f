package org.beacon.bench.load;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.Locale;
import org.beacon.client.net.ClientTransport;

/**
 * The generator's event loops. {@link #AUTO} (the default) takes io_uring where the kernel offers
 * it, else epoll, else NIO: receiving 100,000 frames a second on two cores it shares with the
 * server, the generator must cost as little as it can, and with epoll each socket read is a
 * system call of its own where io_uring hands a loop turn's reads to the kernel together. The
 * connections, codecs and handlers are the client library's either way; the Swing client keeps the
 * library's own choice ({@link ClientTransport#create(int)}: epoll, else NIO).
 */
public enum GeneratorTransport {
    AUTO, IO_URING, EPOLL, NIO;

    /** A new transport of {@code threads} loops, closed by {@link ClientTransport#close()}. */
    public ClientTransport create(int threads) {
        return switch (this) {
            case AUTO -> IoUring.isAvailable() ? ioUring(threads) : ClientTransport.create(threads);
            case IO_URING -> {
                requireAvailable(IoUring.isAvailable(), IoUring.unavailabilityCause());
                yield ioUring(threads);
            }
            case EPOLL -> {
                requireAvailable(Epoll.isAvailable(), Epoll.unavailabilityCause());
                yield ClientTransport.epoll(threads);
            }
            case NIO -> ClientTransport.nio(threads);
        };
    }

    /**
     * epoll where it runs, else {@link #AUTO}: for the private-chat scenarios ({@code steady},
     * {@code capacity}), whose targets are latencies. There io_uring saved CPU but raised the p99
     * in interleaved pairs (bench/README.md, seventh sitting).
     */
    public static GeneratorTransport epollWhereAvailable() {
        return Epoll.isAvailable() ? EPOLL : AUTO;
    }

    /** {@code auto}, {@code io_uring} (or {@code io-uring}), {@code epoll}, {@code nio}, in any case. */
    public static GeneratorTransport parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** {@code io_uring}, {@code epoll} or {@code nio}: what a transport runs on. */
    public static String name(ClientTransport transport) {
        String type = transport.channelType().getSimpleName();
        return type.startsWith("IoUring") ? "io_uring" : type.startsWith("Epoll") ? "epoll" : "nio";
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    private void requireAvailable(boolean available, Throwable cause) {
        if (!available) {
            throw new IllegalStateException(this + " is not available on this machine: "
                    + (cause == null ? "unknown reason" : cause.getMessage()), cause);
        }
    }

    /**
     * Completion-queue entries per loop. Netty's default (4,096) overflowed when 10,000 clients of
     * {@code resume-storm} (5,000 a loop) resumed at once: the kernel then parks the surplus and
     * Netty logs a warning for each overflow, 130 of them a run.
     */
    static final int COMPLETION_QUEUE_SIZE = 32_768;

    private static ClientTransport ioUring(int threads) {
        IoUringIoHandlerConfig config = new IoUringIoHandlerConfig().setCqSize(COMPLETION_QUEUE_SIZE);
        return ClientTransport.create(threads, IoUringIoHandler.newFactory(config), IoUringSocketChannel.class);
    }
}
