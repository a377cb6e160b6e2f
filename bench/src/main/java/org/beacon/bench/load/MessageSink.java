package org.beacon.bench.load;

import org.beacon.protocol.ServerMessage;

/** Told of each {@code message} event a client receives; called on that client's event loop. */
@FunctionalInterface
public interface MessageSink {
    void onMessage(BenchClient receiver, ServerMessage.Message message, long nowNanos);

    MessageSink IGNORE = (receiver, message, now) -> { };
}
