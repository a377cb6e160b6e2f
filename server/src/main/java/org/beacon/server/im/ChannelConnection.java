package org.beacon.server.im;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A signed-in Netty channel as an {@link ImConnection}. Two instances for the same channel are
 * equal, so the network layer can hand out fresh ones. Writes are thread-safe (Netty queues them
 * on the channel's event loop in call order).
 */
record ChannelConnection(String username, Channel channel) implements ImConnection {
    ChannelConnection {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void send(Object frame) {
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    @Override
    public CompletionStage<Void> sendAll(List<?> frames) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (frames.isEmpty()) {
            written.complete(null);
            return written;
        }
        ChannelFuture last = null;
        for (Object frame : frames) {
            last = channel.write(frame);
        }
        channel.flush();
        // Complete either way: a closed connection ends the catch-up through isOpen().
        last.addListener(f -> written.complete(null));
        return written;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }
}
