package org.beacon.client.net;

/**
 * The request never got a reply because the connection dropped (or was not signed in when it was
 * made). The server may or may not have acted on it; resending a {@code send} with the same
 * {@code client_msg_id} is safe.
 */
public final class ConnectionLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }
}
