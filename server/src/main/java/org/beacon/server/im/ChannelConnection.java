package org.beacon.server.im;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * A signed-in Netty channel as an {@link ImConnection}. Two instances for the same channel are
 * equal, so the network layer can hand out fresh ones.
 *
 * <p>Every write goes through the channel's event-loop queue, even when called on that loop, so
 * frames leave in call order whatever thread calls. Netty writes at once when called on the
 * channel's own loop, and the IM sequencer's tasks (which push messages) run on event loops: a
 * push made there would overtake an earlier push that the store's completion thread had queued
 * (a conference participant saw seq 11 before 10). From any other thread Netty queues the write
 * itself, so {@link #send} wraps it in a task only on the loop: wrapping every push cost
 * {@code capacity} a step or two (bench/README.md, eighth sitting).
 */
record ChannelConnection(String username, Channel channel) implements ImConnection {
    ChannelConnection {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void send(Object frame) {
        if (channel.eventLoop().inEventLoop()) {
            onLoop(() -> channel.writeAndFlush(frame, channel.voidPromise()), () -> { });
        } else {
            channel.writeAndFlush(frame, channel.voidPromise()); // Netty queues it on the loop, in call order
        }
    }

    @Override
    public CompletionStage<Void> sendAll(List<?> frames) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (frames.isEmpty()) {
            written.complete(null);
            return written;
        }
        // Complete either way: a closed connection ends the catch-up through isOpen().
        onLoop(() -> {
            ChannelFuture last = null;
            for (Object frame : frames) {
                last = channel.write(frame);
            }
            channel.flush();
            last.addListener(f -> written.complete(null));
        }, () -> written.complete(null));
        return written;
    }

    /** Queues the write on the channel's loop; {@code ifRejected} when the loop is shutting down. */
    private void onLoop(Runnable write, Runnable ifRejected) {
        try {
            channel.eventLoop().execute(write);
        } catch (RejectedExecutionException e) {
            ifRejected.run();
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }
}
