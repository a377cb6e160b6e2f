package org.beacon.protocol;

import java.util.Objects;

/**
 * A request that cannot be served, with the {@link ErrorCode} and the human message for the reply.
 * {@code requestId} is the id of the offending request where it could be read, else {@code null}.
 */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Long requestId;
    private final Long retryAfterMs;

    public ProtocolException(ErrorCode code, Long requestId, String message) {
        this(code, requestId, message, null);
    }

    /** With {@code retryAfterMs} for {@link ErrorCode#RATE_LIMITED}: when the client may try again. */
    public ProtocolException(ErrorCode code, Long requestId, String message, Long retryAfterMs) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.requestId = requestId;
        this.retryAfterMs = retryAfterMs;
    }

    public ProtocolException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public ErrorCode code() {
        return code;
    }

    public Long requestId() {
        return requestId;
    }

    public Long retryAfterMs() {
        return retryAfterMs;
    }

    /** The error reply for this failure. */
    public ServerMessage.Error toReply() {
        return toReply(requestId);
    }

    /** The error reply for this failure, answering request {@code id}. */
    public ServerMessage.Error toReply(Long id) {
        return new ServerMessage.Error(id, code, getMessage(), retryAfterMs);
    }
}
