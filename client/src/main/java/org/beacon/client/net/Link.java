package org.beacon.client.net;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection and the requests waiting for a reply on it. Request ids start at 1 on each
 * link (so {@code hello} is id 1) and are never reused on it. Confined to the channel's event loop.
 */
final class Link {
    private static final Logger log = LoggerFactory.getLogger(Link.class);

    private record Pending(CompletableFuture<ServerMessage.Ok> future, Scheduler.Cancellable timeout, String type) {
    }

    private final Channel channel;
    private final Scheduler scheduler;
    private final Duration timeout;
    private final Map<Long, Pending> pending = new HashMap<>();
    private long nextId = 1;
    private boolean closed;

    Link(Channel channel, Scheduler scheduler, Duration timeout) {
        this.channel = channel;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    Channel channel() {
        return channel;
    }

    /** Sends a request built with the next id; the future completes on the event loop. */
    CompletableFuture<ServerMessage.Ok> send(LongFunction<? extends ClientMessage> builder) {
        return send(builder, true);
    }

    /**
     * As {@link #send(LongFunction)}; with {@code flush} false the request is only queued, and
     * leaves with the next flushed one (two requests, one socket write).
     */
    CompletableFuture<ServerMessage.Ok> send(LongFunction<? extends ClientMessage> builder, boolean flush) {
        assert channel.eventLoop().inEventLoop();
        CompletableFuture<ServerMessage.Ok> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new ConnectionLostException("connection closed"));
            return future;
        }
        long id = nextId++;
        ClientMessage request = builder.apply(id);
        if (request.id() == null || request.id() != id) {
            throw new IllegalArgumentException("request builder must use the id it is given: " + request);
        }
        String type = request.getClass().getSimpleName();
        Scheduler.Cancellable timer = scheduler.schedule(
                () -> channel.eventLoop().execute(() -> timedOut(id)), timeout);
        pending.put(id, new Pending(future, timer, type));
        (flush ? channel.writeAndFlush(request) : channel.write(request)).addListener(write -> {
            if (!write.isSuccess()) {
                fail(id, new ConnectionLostException("cannot write " + type + ": " + write.cause()));
            }
        });
        return future;
    }

    /** Completes the request the reply answers. */
    void onReply(ServerMessage.Reply reply) {
        Pending request = pending.remove(reply.id());
        if (request == null) {
            log.warn("reply to unknown or timed-out request {}: {}", reply.id(), reply);
            return;
        }
        request.timeout().cancel();
        if (reply instanceof ServerMessage.Ok ok) {
            request.future().complete(ok);
        } else if (reply instanceof ServerMessage.Error error) {
            request.future().completeExceptionally(RequestFailedException.of(error));
        } else {
            throw new IllegalStateException("unknown reply " + reply);
        }
    }

    /** The channel closed: every waiting request fails with {@link ConnectionLostException}. */
    void onClosed() {
        closed = true;
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending request : all) {
            request.timeout().cancel();
            request.future().completeExceptionally(
                    new ConnectionLostException("connection lost before the reply to " + request.type()));
        }
    }

    void close() {
        channel.close();
    }

    private void timedOut(long id) {
        Pending request = pending.get(id);
        if (request != null) {
            fail(id, new RequestTimeoutException("no reply to " + request.type() + " within " + timeout));
        }
    }

    private void fail(long id, RuntimeException cause) {
        Pending request = pending.remove(id);
        if (request != null) {
            request.timeout().cancel();
            request.future().completeExceptionally(cause);
        }
    }
}
