package org.beacon.client.model;

import java.util.Objects;
import org.beacon.protocol.model.SessionInfo;

/**
 * One of my sessions as the model knows it.
 *
 * @param info      the session (participants, active, ...)
 * @param latestSeq the highest seq known in the session
 * @param shownSeq  the highest seq shown (acked) here, or reported as my cursor by the server
 */
public record SessionSummary(SessionInfo info, long latestSeq, long shownSeq) {
    public SessionSummary {
        Objects.requireNonNull(info, "info");
    }

    public String sessionId() {
        return info.sessionId();
    }

    /** Messages not yet shown. */
    public long unread() {
        return Math.max(0, latestSeq - shownSeq);
    }
}
