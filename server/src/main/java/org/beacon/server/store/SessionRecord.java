package org.beacon.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.beacon.protocol.model.SessionKind;

/**
 * A stored session.
 *
 * @param sessionId    opaque id
 * @param kind         private or conference
 * @param title        conference title or {@code null}
 * @param initiator    who started it
 * @param resourceId   resource it was started from, or {@code null}
 * @param startedAt    creation time
 * @param endedAt      end time, {@code null} while active
 * @param endedBy      who ended it, {@code null} while active
 * @param participants everyone who was ever in it, with their delivery cursor
 * @param latestSeq    highest stored seq (0 when none)
 */
public record SessionRecord(
        String sessionId,
        SessionKind kind,
        String title,
        String initiator,
        String resourceId,
        Instant startedAt,
        Instant endedAt,
        String endedBy,
        List<ParticipantRecord> participants,
        long latestSeq) {

    public SessionRecord {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(startedAt, "startedAt");
        participants = List.copyOf(participants);
    }

    public boolean active() {
        return endedAt == null;
    }

    /**
     * One participant of a session.
     *
     * @param username who
     * @param joinedAt when they were added
     * @param leftAt   when they left, or {@code null} while in the session
     * @param cursor   highest seq they acknowledged
     */
    public record ParticipantRecord(String username, Instant joinedAt, Instant leftAt, long cursor) {
        public ParticipantRecord {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(joinedAt, "joinedAt");
        }

        public boolean present() {
            return leftAt == null;
        }
    }
}
