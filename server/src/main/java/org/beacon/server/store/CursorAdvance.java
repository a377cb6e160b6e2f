package org.beacon.server.store;

import java.util.Objects;

/** Raise {@code username}'s delivery cursor in a session to {@code seq} (never lower it). */
public record CursorAdvance(String sessionId, String username, long seq) {
    public CursorAdvance {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(username, "username");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
    }
}
