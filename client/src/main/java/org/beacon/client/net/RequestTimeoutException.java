package org.beacon.client.net;

/** No reply came within the request timeout; the connection is still open. */
public final class RequestTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestTimeoutException(String message) {
        super(message);
    }
}
