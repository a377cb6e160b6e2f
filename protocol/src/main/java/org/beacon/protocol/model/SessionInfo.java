package org.beacon.protocol.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IM session as participants see it.
 *
 * @param sessionId    server-chosen opaque id
 * @param kind         private chat or conference
 * @param title        conference title, or {@code null}
 * @param initiator    username of the user who started it (the only one who may end it or invite)
 * @param participants usernames currently in the session, the initiator included
 * @param startedAt    when the server created it
 * @param active       {@code false} once ended; an ended session accepts no messages
 * @param resourceId   the resource it was started from, or {@code null}
 * @param endedAt      when it ended, or {@code null} while active
 */
public record SessionInfo(
        String sessionId,
        SessionKind kind,
        String title,
        String initiator,
        List<String> participants,
        Instant startedAt,
        boolean active,
        String resourceId,
        Instant endedAt) {

    public SessionInfo {
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(initiator, "initiator");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        Objects.requireNonNull(startedAt, "started_at");
    }
}
