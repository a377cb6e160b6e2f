package org.beacon.client.net;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.reply.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages typed but not yet stored by the server. Nothing typed is lost while the process runs:
 * {@link #submit} records the message with a fresh {@code client_msg_id} before any network I/O;
 * it is sent when signed in, and on a drop before the reply it is sent again after the resume
 * with the same id (the server stores it once and answers with the original seq).
 *
 * <p>Per session, one message is in flight at a time (stop and wait): a retried message can then
 * never overtake a later one, so the session's order is the order typed, whatever fails.
 * Errors that cannot succeed ({@link #PERMANENT}) mark the message failed; {@code RATE_LIMITED}
 * retries after {@code retry_after_ms}; a timeout resends at once; other errors retry after a delay.
 *
 * <p>State is confined to the connection's event loop; {@link #pending()} may be read anywhere.
 * Listeners run on the event loop.
 */
public final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** Codes for which a resend would fail again. */
    static final Set<ErrorCode> PERMANENT = EnumSet.of(ErrorCode.SESSION_ENDED, ErrorCode.NOT_FOUND,
            ErrorCode.FORBIDDEN, ErrorCode.TOO_LARGE, ErrorCode.BAD_REQUEST, ErrorCode.FEATURE_DISABLED);

    /** Told of every change of an outgoing message (pending, sent, failed). Runs on the event loop. */
    public interface Listener {
        void onOutboxChanged(OutgoingMessage message);
    }

    private final Connection connection;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ClientMsgIds ids;
    private final Duration retryDelay;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** Every pending message by client_msg_id, readable from any thread. */
    private final Map<String, OutgoingMessage> pending = new ConcurrentHashMap<>();
    /** Per session, client_msg_ids in the order typed; the head is the one being sent. Loop only. */
    private final Map<String, ArrayDeque<String>> queues = new LinkedHashMap<>();
    /** Sessions whose head is in flight or waiting for a retry timer. Loop only. */
    private final Set<String> busy = new HashSet<>();

    Outbox(Connection connection, Scheduler scheduler, Clock clock, Duration retryDelay) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.ids = new ClientMsgIds(clock);
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Queues a message for the session and returns it (status {@code PENDING}) at once, from any
     * thread. Listeners hear of it on the event loop, then of its fate.
     *
     * <p>The text is trimmed ({@link String#strip()}) here as the server trims it before storing:
     * the sender's own copy of a message is built from this text and the server's seq, so without
     * it the sender's transcript would differ from everyone else's.
     */
    public OutgoingMessage submit(String sessionId, String text) {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(text, "text");
        OutgoingMessage message = OutgoingMessage.pending(ids.next(), sessionId, text.strip(),
                clock.instant());
        pending.put(message.clientMsgId(), message);
        connection.onLoop(() -> {
            queues.computeIfAbsent(sessionId, id -> new ArrayDeque<>()).add(message.clientMsgId());
            notifyListeners(message);
            pump(sessionId);
        });
        return message;
    }

    /** The messages not yet stored by the server, oldest first. Any thread. */
    public List<OutgoingMessage> pending() {
        List<OutgoingMessage> all = new ArrayList<>(pending.values());
        all.sort(Comparator.comparing(OutgoingMessage::createdAt));
        return all;
    }

    /** Signed in (or resumed): send what waits. */
    void onSignedIn() {
        for (String sessionId : new ArrayList<>(queues.keySet())) {
            pump(sessionId);
        }
    }

    /** Gives up every pending message (e.g. another user signed in on this connection). */
    void abandonAll(String reason) {
        for (ArrayDeque<String> queue : queues.values()) {
            for (String id : queue) {
                OutgoingMessage message = pending.remove(id);
                if (message != null) {
                    notifyListeners(message.failed(ErrorCode.FORBIDDEN, reason));
                }
            }
        }
        queues.clear();
        busy.clear();
    }

    private void pump(String sessionId) {
        if (busy.contains(sessionId) || !connection.state().isSignedIn()) {
            return;
        }
        ArrayDeque<String> queue = queues.get(sessionId);
        if (queue == null || queue.isEmpty()) {
            queues.remove(sessionId);
            return;
        }
        OutgoingMessage head = pending.get(queue.peek()).attempted();
        pending.put(head.clientMsgId(), head);
        busy.add(sessionId);
        connection.send(sessionId, head.clientMsgId(), head.text())
                .whenComplete((result, error) -> connection.onLoop(() -> done(head, result, error)));
    }

    private void done(OutgoingMessage message, SendResult result, Throwable error) {
        String sessionId = message.sessionId();
        busy.remove(sessionId);
        if (!pending.containsKey(message.clientMsgId())) {
            return; // abandoned meanwhile
        }
        Throwable cause = error == null ? null : Connection.unwrap(error);
        if (cause == null) {
            leave(message.sent(result.seq(), result.sentAt()));
        } else if (cause instanceof RequestFailedException failed && PERMANENT.contains(failed.code())) {
            leave(message.failed(failed.code(), failed.serverMessage()));
        } else if (cause instanceof RequestFailedException failed && failed.code() == ErrorCode.RATE_LIMITED) {
            long wait = failed.retryAfterMs() == null ? retryDelay.toMillis() : failed.retryAfterMs();
            retryLater(sessionId, Duration.ofMillis(wait));
        } else if (cause instanceof ConnectionLostException) {
            log.debug("send {} waits for the resume: {}", message.clientMsgId(), cause.getMessage());
        } else if (cause instanceof RequestTimeoutException) {
            pump(sessionId);
        } else {
            log.warn("send {} failed, retrying in {}: {}", message.clientMsgId(), retryDelay, cause.toString());
            retryLater(sessionId, retryDelay);
        }
    }

    private void leave(OutgoingMessage message) {
        ArrayDeque<String> queue = queues.get(message.sessionId());
        if (queue != null) {
            queue.remove(message.clientMsgId());
        }
        pending.remove(message.clientMsgId());
        notifyListeners(message);
        pump(message.sessionId());
    }

    private void retryLater(String sessionId, Duration delay) {
        busy.add(sessionId);
        scheduler.schedule(() -> connection.onLoop(() -> {
            busy.remove(sessionId);
            pump(sessionId);
        }), delay);
    }

    private void notifyListeners(OutgoingMessage message) {
        for (Listener listener : listeners) {
            try {
                listener.onOutboxChanged(message);
            } catch (RuntimeException e) {
                log.error("outbox listener failed", e);
            }
        }
    }
}
