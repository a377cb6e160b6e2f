package org.beacon.protocol.model;

import java.util.Objects;

/**
 * One of my sessions with my delivery position in it.
 *
 * @param session   the session
 * @param cursor    the highest {@code seq} I have acknowledged (0 when none)
 * @param latestSeq the highest {@code seq} stored in the session (0 when empty)
 */
public record SessionStatus(SessionInfo session, long cursor, long latestSeq) {
    public SessionStatus {
        Objects.requireNonNull(session, "session");
    }

    /** Messages stored after my cursor. */
    public long unread() {
        return Math.max(0, latestSeq - cursor);
    }
}
