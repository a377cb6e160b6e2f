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

    public ProtocolException(ErrorCode code, Long requestId, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.requestId = requestId;
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

    /** The error reply for this failure. */
    public ServerMessage.Error toReply() {
        return new ServerMessage.Error(requestId, code, getMessage(), null);
    }
}
