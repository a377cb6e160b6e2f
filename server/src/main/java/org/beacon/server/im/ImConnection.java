package org.beacon.server.im;

import java.util.List;

/**
 * One signed-in client connection as the IM service sees it. Implemented by the network layer
 * over a Netty channel; every method is thread-safe and returns at once.
 */
public interface ImConnection {

    /** The signed-in user. */
    String username();

    /** Queues one frame (a protocol record or an {@code EncodedFrame}) and flushes. */
    void send(Object frame);

    /**
     * Queues frames in order and flushes once; the returned stage completes when they are written
     * to the socket (or the connection closed), so a long catch-up can wait before the next page.
     */
    java.util.concurrent.CompletionStage<Void> sendAll(List<?> frames);

    boolean isOpen();
}
