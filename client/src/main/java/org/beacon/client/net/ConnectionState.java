package org.beacon.client.net;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a connection stands, for a status line ("reconnecting in 4 s").
 *
 * @param status        the phase
 * @param nextAttemptAt when {@link Status#RECONNECTING}: when the next attempt starts; else {@code null}
 * @param attempt       when reconnecting: how many attempts failed since the drop (0 for the first)
 * @param reason        why the connection is not signed in (for people), or {@code null}
 */
public record ConnectionState(Status status, Instant nextAttemptAt, int attempt, String reason) {

    public enum Status {
        /** Never started, or closed by the user. */
        OFFLINE,
        /** Connecting, saying hello, signing in or resuming. */
        CONNECTING,
        /** Signed in: requests may be sent. */
        SIGNED_IN,
        /** The connection dropped; waiting until {@code nextAttemptAt} to try again. */
        RECONNECTING,
        /** Signed out (logout, or the resume token was refused): the password is needed. */
        SIGNED_OUT
    }

    public ConnectionState {
        Objects.requireNonNull(status, "status");
        if ((status == Status.RECONNECTING) != (nextAttemptAt != null)) {
            throw new IllegalArgumentException("nextAttemptAt is set exactly when reconnecting: " + status);
        }
    }

    public static ConnectionState offline(String reason) {
        return new ConnectionState(Status.OFFLINE, null, 0, reason);
    }

    public static ConnectionState connecting() {
        return new ConnectionState(Status.CONNECTING, null, 0, null);
    }

    public static ConnectionState signedIn() {
        return new ConnectionState(Status.SIGNED_IN, null, 0, null);
    }

    public static ConnectionState reconnecting(Instant nextAttemptAt, int attempt, String reason) {
        return new ConnectionState(Status.RECONNECTING, Objects.requireNonNull(nextAttemptAt), attempt, reason);
    }

    public static ConnectionState signedOut(String reason) {
        return new ConnectionState(Status.SIGNED_OUT, null, 0, reason);
    }

    public boolean isSignedIn() {
        return status == Status.SIGNED_IN;
    }
}
