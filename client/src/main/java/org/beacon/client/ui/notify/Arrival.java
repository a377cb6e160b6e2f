package org.beacon.client.ui.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A message that arrived while its session's window was not the focused one.
 *
 * @param sessionId    its session
 * @param sessionTitle the session as the viewer names it
 * @param sender       the sender's username
 * @param text         the message text
 * @param receivedAt   when the server received it (its time stamp)
 */
public record Arrival(String sessionId, String sessionTitle, String sender, String text, Instant receivedAt) {
    public Arrival {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionTitle, "sessionTitle");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
