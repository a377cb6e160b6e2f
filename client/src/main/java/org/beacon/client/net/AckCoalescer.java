package org.beacon.client.net;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.beacon.protocol.ErrorCode;

/**
 * Coalesces acks: of many "shown up to seq N" calls for a session, only the highest is sent, at
 * most once per flush delay (after the first call of a quiet period), so that acking does not
 * double the traffic. An ack lost with the connection is sent again after the resume.
 * Confined to the connection's event loop.
 */
final class AckCoalescer {

    /** Per session: the highest seq wanted, sent (possibly in flight), and confirmed by the server. */
    private static final class Cursor {
        long wanted;
        long sent;
        long confirmed;
    }

    private final Connection connection;
    private final Scheduler scheduler;
    private final Duration delay;
    private final Map<String, Cursor> cursors = new HashMap<>();
    private Scheduler.Cancellable flushTimer;

    AckCoalescer(Connection connection, Scheduler scheduler, Duration delay) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.delay = delay;
    }

    void ackUpTo(String sessionId, long seq) {
        Cursor cursor = cursors.computeIfAbsent(sessionId, id -> new Cursor());
        if (seq <= cursor.wanted) {
            return;
        }
        cursor.wanted = seq;
        if (flushTimer == null) {
            flushTimer = scheduler.schedule(() -> connection.onLoop(this::flush), delay);
        }
    }

    void onSignedIn() {
        for (Cursor cursor : cursors.values()) {
            cursor.sent = cursor.confirmed;
        }
        flush();
    }

    void clear() {
        if (flushTimer != null) {
            flushTimer.cancel();
            flushTimer = null;
        }
        cursors.clear();
    }

    private void flush() {
        flushTimer = null;
        if (!connection.state().isSignedIn()) {
            return;
        }
        cursors.forEach((sessionId, cursor) -> {
            if (cursor.wanted > cursor.sent) {
                long seq = cursor.wanted;
                cursor.sent = seq;
                connection.ack(sessionId, seq).whenComplete((ok, error) -> {
                    if (error == null) {
                        cursor.confirmed = Math.max(cursor.confirmed, seq);
                    } else if (isPermanent(Connection.unwrap(error))) {
                        cursors.remove(sessionId, cursor);
                    } else {
                        cursor.sent = cursor.confirmed;
                    }
                });
            }
        });
    }

    private static boolean isPermanent(Throwable error) {
        return error instanceof RequestFailedException failed
                && (failed.code() == ErrorCode.SESSION_ENDED || failed.code() == ErrorCode.NOT_FOUND);
    }
}
