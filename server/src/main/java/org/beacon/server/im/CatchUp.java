package org.beacon.server.im;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's catch-up in progress. While it runs, live messages for the connection are held
 * here instead of written, so that the stored backlog (read from the database) and the live stream
 * reach the client in seq order, each message once.
 */
final class CatchUp {
    private record Held(String sessionId, long seq, Object frame) {
    }

    private final List<Held> held = new ArrayList<>();
    private final Map<String, Long> sentUpTo = new HashMap<>();
    private boolean finished;

    /**
     * Holds a live frame if the catch-up still runs; false means: write it now. Events that are not
     * messages pass {@code sessionId} null and {@code seq} {@link Long#MAX_VALUE}: always released.
     */
    synchronized boolean hold(String sessionId, long seq, Object frame) {
        if (finished) {
            return false;
        }
        held.add(new Held(sessionId, seq, frame));
        return true;
    }

    /** Records that the backlog of a session was written up to {@code seq}. */
    synchronized void sent(String sessionId, long seq) {
        sentUpTo.merge(sessionId, seq, Math::max);
    }

    synchronized long sentUpTo(String sessionId) {
        return sentUpTo.getOrDefault(sessionId, 0L);
    }

    /**
     * Ends the catch-up: writes the held live messages not already written as backlog, in arrival
     * order (which is seq order per session), under the lock, so that no later live message can
     * overtake them. Later live messages are written directly.
     */
    synchronized void finish(ImConnection connection) {
        finished = true;
        List<Object> release = new ArrayList<>(held.size());
        for (Held h : held) {
            if (h.seq > sentUpTo.getOrDefault(h.sessionId, 0L)) {
                release.add(h.frame);
            }
        }
        held.clear();
        if (!release.isEmpty()) {
            connection.sendAll(release);
        }
    }
}
