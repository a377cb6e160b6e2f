package org.beacon.protocol.reply;

import java.util.Objects;
import org.beacon.protocol.model.SessionInfo;

/** Reply to {@code start_private}, {@code start_conference} and {@code invite}. */
public record SessionResult(SessionInfo session) {
    public SessionResult {
        Objects.requireNonNull(session, "session");
    }
}
