package org.beacon.server.im;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beacon.protocol.model.SessionInfo;
import org.beacon.protocol.model.SessionKind;
import org.beacon.server.store.SessionRecord;

/**
 * The mutable state of one active session. Confined to the {@link Sequencer}'s tasks, except
 * {@link #committedSeq}, which the store's writer raises after each commit. Seqs are assigned by
 * the store's writer ({@code Store.appendMessage}), not here.
 */
final class LiveSession {
    final String sessionId;
    final SessionKind kind;
    final String title;
    final String initiator;
    final String resourceId;
    final Instant startedAt;
    /** Everyone ever in the session → their cursor; insertion order is join order. */
    private final Map<String, Long> cursors = new LinkedHashMap<>();
    /** Those in the session now, in join order. */
    private final List<String> present = new ArrayList<>();
    /** An immutable copy of {@link #present}, renewed on join and leave: every send hands it to fan-out. */
    private List<String> presentSnapshot = List.of();
    private Instant lastSentAt;
    private volatile long committedSeq;

    LiveSession(String sessionId, SessionKind kind, String title, String initiator, String resourceId,
            Instant startedAt, long latestSeq) {
        this.sessionId = sessionId;
        this.kind = kind;
        this.title = title;
        this.initiator = initiator;
        this.resourceId = resourceId;
        this.startedAt = startedAt;
        this.committedSeq = latestSeq;
        this.lastSentAt = startedAt;
    }

    /** A session loaded from storage (or just created, when {@code latestSeq} is 0). */
    static LiveSession of(SessionRecord record) {
        LiveSession session = new LiveSession(record.sessionId(), record.kind(), record.title(), record.initiator(),
                record.resourceId(), record.startedAt(), record.latestSeq());
        for (SessionRecord.ParticipantRecord p : record.participants()) {
            session.cursors.put(p.username(), p.cursor());
            if (p.present()) {
                session.present.add(p.username());
                session.presentSnapshot = List.copyOf(session.present);
            }
        }
        return session;
    }

    SessionInfo info() {
        return new SessionInfo(sessionId, kind, title, initiator, present, startedAt, true, resourceId, null);
    }

    List<String> present() {
        return presentSnapshot;
    }

    /** Everyone ever in the session, in join order. */
    List<String> everIn() {
        return List.copyOf(cursors.keySet());
    }

    boolean isPresent(String username) {
        return present.contains(username);
    }

    boolean wasEverIn(String username) {
        return cursors.containsKey(username);
    }

    /** Adds a participant (again); returns false if already present. */
    boolean join(String username) {
        if (present.contains(username)) {
            return false;
        }
        present.add(username);
        presentSnapshot = List.copyOf(present);
        cursors.putIfAbsent(username, 0L);
        return true;
    }

    boolean leave(String username) {
        boolean left = present.remove(username);
        presentSnapshot = List.copyOf(present);
        return left;
    }

    long cursor(String username) {
        return cursors.getOrDefault(username, 0L);
    }

    /** Raises the cursor; returns the new value (never lowered). */
    long advanceCursor(String username, long seq) {
        return cursors.merge(username, seq, Math::max);
    }

    /** A send time not earlier than the previous message's, so time stamps never run backwards in a session. */
    Instant stamp(Instant now) {
        if (now.isBefore(lastSentAt)) {
            now = lastSentAt;
        }
        lastSentAt = now;
        return now;
    }

    long committedSeq() {
        return committedSeq;
    }

    void committed(long seq) {
        if (seq > committedSeq) {
            committedSeq = seq;
        }
    }
}
