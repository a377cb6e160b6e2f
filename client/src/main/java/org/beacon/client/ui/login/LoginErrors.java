package org.beacon.client.ui.login;

import org.beacon.client.net.Connection;
import org.beacon.client.net.ConnectionLostException;
import org.beacon.client.net.RequestFailedException;
import org.beacon.client.net.RequestTimeoutException;

/** What a failed sign-in means for the person at the desk, in one or two sentences. */
public final class LoginErrors {
    private LoginErrors() {
    }

    public static String describe(Throwable error, String server) {
        Throwable cause = Connection.unwrap(error);
        if (cause instanceof RequestFailedException failed) {
            return switch (failed.code()) {
                case AUTH_FAILED -> "Wrong username or password. Check both and try again.";
                case UNSUPPORTED_VERSION -> "The server at " + server + " speaks a different Beacon protocol version"
                        + " (" + failed.serverMessage() + "). Ask your administrator for the matching client.";
                case RATE_LIMITED -> "Too many sign-in attempts. Wait "
                        + (failed.retryAfterMs() == null ? "a minute" : Math.max(1, failed.retryAfterMs() / 1000) + " s")
                        + " and try again.";
                default -> "The server refused the sign-in: " + failed.serverMessage();
            };
        }
        if (cause instanceof RequestTimeoutException) {
            return "The server at " + server + " did not answer in time. Try again, or ask your administrator.";
        }
        if (cause instanceof ConnectionLostException) {
            return "Cannot reach the server at " + server + ". Check the address and that the server is running.";
        }
        return "Sign-in failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }
}
