package org.beacon.client.net;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.beacon.protocol.ErrorCode;

/**
 * Coalesces acks: of many "shown up to seq N" calls for a session, only the highest is sent, at
 * most once per flush delay (after the first call of a quiet period), so that acking does not
 * double the traffic. The acks of one round leave in one socket write.
 *
 * <p>An ack that did not get through is sent again: after the resume when it was lost with the
 * connection, when IM is switched back on when it was refused with {@code FEATURE_DISABLED}, and
 * after the retry delay for any other failure but the permanent ones. Otherwise the server's
 * cursor would stay behind what was shown until the next message, and the next sign-in would
 * deliver the shown messages again. Confined to the connection's event loop.
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
    private final Duration retryDelay;
    private final Map<String, Cursor> cursors = new HashMap<>();
    private Scheduler.Cancellable flushTimer;

    AckCoalescer(Connection connection, Scheduler scheduler, Duration delay, Duration retryDelay) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.delay = delay;
        this.retryDelay = retryDelay;
    }

    void ackUpTo(String sessionId, long seq) {
        Cursor cursor = cursors.computeIfAbsent(sessionId, id -> new Cursor());
        if (seq <= cursor.wanted) {
            return;
        }
        cursor.wanted = seq;
        scheduleFlush(delay);
    }

    void onSignedIn() {
        for (Cursor cursor : cursors.values()) {
            cursor.sent = cursor.confirmed;
        }
        flush();
    }

    /** IM was switched back on: acks refused while it was off go out now. */
    void onImSwitchedOn() {
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
        boolean wrote = false;
        for (Map.Entry<String, Cursor> entry : cursors.entrySet()) {
            Cursor cursor = entry.getValue();
            if (cursor.wanted > cursor.sent) {
                write(entry.getKey(), cursor);
                wrote = true;
            }
        }
        if (wrote) {
            connection.flushWrites();
        }
    }

    private void write(String sessionId, Cursor cursor) {
        long seq = cursor.wanted;
        cursor.sent = seq;
        connection.writeAck(sessionId, seq).whenComplete((ok, error) -> {
            if (error == null) {
                cursor.confirmed = Math.max(cursor.confirmed, seq);
            } else if (isPermanent(Connection.unwrap(error))) {
                cursors.remove(sessionId, cursor);
            } else {
                cursor.sent = cursor.confirmed;
                Throwable cause = Connection.unwrap(error);
                if (!(cause instanceof ConnectionLostException) && !isImOff(cause)) {
                    scheduleFlush(retryDelay);
                }
            }
        });
    }

    private void scheduleFlush(Duration after) {
        if (flushTimer == null) {
            flushTimer = scheduler.schedule(() -> connection.onLoop(this::flush), after);
        }
    }

    private static boolean isImOff(Throwable error) {
        return error instanceof RequestFailedException failed && failed.code() == ErrorCode.FEATURE_DISABLED;
    }

    private static boolean isPermanent(Throwable error) {
        return error instanceof RequestFailedException failed
                && (failed.code() == ErrorCode.SESSION_ENDED || failed.code() == ErrorCode.NOT_FOUND);
    }
}
