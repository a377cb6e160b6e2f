package org.beacon.protocol.reply;

import java.util.List;
import org.beacon.protocol.model.SessionStatus;

/** Reply to {@code sessions}: my active sessions, most recently started first. */
public record SessionsResult(List<SessionStatus> sessions) {
    public SessionsResult {
        sessions = List.copyOf(sessions);
    }
}
