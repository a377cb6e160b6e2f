package org.beacon.client.net;

import java.time.Instant;
import java.util.Objects;
import org.beacon.protocol.ErrorCode;

/**
 * A message the user typed, as the {@link Outbox} tracks it. Immutable: each change is a new value.
 *
 * @param clientMsgId    client-generated unique id; every resend uses the same one
 * @param sessionId      the session it goes to
 * @param text           the text
 * @param createdAt      when it was typed (client clock)
 * @param status         pending, sent or failed
 * @param attempts       how many times it was written to a connection
 * @param seq            when sent: its place in the session; else {@code null}
 * @param sentAt         when sent: the server's time stamp; else {@code null}
 * @param failure        when failed: why; else {@code null}
 * @param failureMessage when failed: the server's message for people; else {@code null}
 */
public record OutgoingMessage(
        String clientMsgId,
        String sessionId,
        String text,
        Instant createdAt,
        Status status,
        int attempts,
        Long seq,
        Instant sentAt,
        ErrorCode failure,
        String failureMessage) {

    public enum Status {
        /** Not yet stored by the server: shown with a "pending" mark; resent until it is. */
        PENDING,
        /** Stored by the server with {@code seq}; has left the outbox. */
        SENT,
        /** Refused for good (e.g. the session ended); has left the outbox. */
        FAILED
    }

    public OutgoingMessage {
        Objects.requireNonNull(clientMsgId, "clientMsgId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    static OutgoingMessage pending(String clientMsgId, String sessionId, String text, Instant createdAt) {
        return new OutgoingMessage(clientMsgId, sessionId, text, createdAt, Status.PENDING, 0, null, null, null, null);
    }

    OutgoingMessage attempted() {
        return new OutgoingMessage(clientMsgId, sessionId, text, createdAt, status, attempts + 1, null, null, null, null);
    }

    OutgoingMessage sent(long seq, Instant sentAt) {
        return new OutgoingMessage(clientMsgId, sessionId, text, createdAt, Status.SENT, attempts, seq, sentAt, null, null);
    }

    OutgoingMessage failed(ErrorCode code, String message) {
        return new OutgoingMessage(clientMsgId, sessionId, text, createdAt, Status.FAILED, attempts, null, null, code, message);
    }
}
