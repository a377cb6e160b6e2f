package org.beacon.client.ui;

import java.net.ConnectException;
import org.beacon.client.net.Connection;
import org.beacon.client.net.ConnectionLostException;
import org.beacon.client.net.RequestFailedException;
import org.beacon.client.net.RequestTimeoutException;

/** Turns a failed request into one sentence a dispatcher can act on. */
public final class Failures {
    private Failures() {
    }

    public static String describe(Throwable error) {
        Throwable cause = Connection.unwrap(error);
        if (cause instanceof RequestFailedException failed) {
            return switch (failed.code()) {
                case FEATURE_DISABLED -> "Instant messaging is switched off for the region.";
                case FORBIDDEN -> "You are not allowed to do that (" + failed.serverMessage() + ").";
                case SESSION_ENDED -> "The session has ended.";
                case NOT_FOUND -> "Not found: " + failed.serverMessage();
                case RATE_LIMITED -> "The server is busy; try again in a moment.";
                default -> failed.serverMessage() == null ? failed.code().toString() : failed.serverMessage();
            };
        }
        if (cause instanceof RequestTimeoutException) {
            return "The server did not answer in time. Try again.";
        }
        if (cause instanceof ConnectionLostException || cause instanceof ConnectException) {
            return "Not connected to the server. Beacon reconnects by itself; try again then.";
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
