package org.beacon.client.net;

import java.util.Objects;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ServerMessage;

/** The server answered a request with {@code error}: a stable {@link #code()} and a message for people. */
public final class RequestFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String serverMessage;
    private final Long retryAfterMs;

    public RequestFailedException(ErrorCode code, String message, Long retryAfterMs) {
        super(code + ": " + message);
        this.code = Objects.requireNonNull(code, "code");
        this.serverMessage = message;
        this.retryAfterMs = retryAfterMs;
    }

    static RequestFailedException of(ServerMessage.Error error) {
        return new RequestFailedException(error.code(), error.message(), error.retryAfterMs());
    }

    public ErrorCode code() {
        return code;
    }

    /** The server's message, for people. */
    public String serverMessage() {
        return serverMessage;
    }

    /** With {@link ErrorCode#RATE_LIMITED}: how long to wait before retrying; else {@code null}. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
