package org.beacon.server.net;

import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.beacon.protocol.ErrorCode;
import org.beacon.protocol.ProtocolException;
import org.beacon.protocol.ServerMessage;
import org.beacon.server.store.StoreException;

/**
 * The one place that turns a failure into what the client is told and whether its connection
 * survives:
 * <pre>
 * TooLongFrameException            TOO_LARGE         close (sent as soon as the length is read)
 * ProtocolException BAD_FRAME      BAD_FRAME         close
 * CorruptedFrameException          BAD_FRAME         close
 * ProtocolException (other codes)  that code         stays open, unless the code closes (below);
 *                                                    retry_after_ms is passed on
 * IOException (peer went away)     nothing           close quietly
 * StoreException CLOSED            INTERNAL          close (the server is stopping)
 * anything else                    INTERNAL          logged with its stack trace; close when it
 *                                                    escaped the pipeline, stays open for a request
 * </pre>
 * Codes that always close: BAD_FRAME, UNSUPPORTED_VERSION, IDLE_TIMEOUT. TOO_LARGE closes only
 * for an oversized frame; a message text over its limit is refused with the connection kept.
 */
final class Failures {
    static final String INTERNAL_MESSAGE = "The server failed; the request may be retried.";

    /**
     * @param reply    the error to send, or {@code null} to send nothing
     * @param close    whether to close the connection after it
     * @param unforeseen whether it is a bug or an outage (logged with its stack trace)
     */
    record Failure(ServerMessage.Error reply, boolean close, boolean unforeseen) {
    }

    private Failures() {
    }

    /**
     * @param requestId  the id of the request being served, if any (a thrown error without one gets it)
     * @param inPipeline whether the failure escaped the pipeline (then the connection state is unknown)
     */
    static Failure classify(Throwable failure, Long requestId, int maxFrame, boolean inPipeline) {
        Throwable t = unwrap(failure);
        if (t instanceof TooLongFrameException) {
            return new Failure(error(null, ErrorCode.TOO_LARGE,
                    "Frame larger than the maximum of " + maxFrame + " bytes."), true, false);
        }
        if (t instanceof CorruptedFrameException) {
            return new Failure(error(null, ErrorCode.BAD_FRAME, "Corrupted frame."), true, false);
        }
        if (t instanceof ProtocolException p) {
            Long id = p.requestId() != null ? p.requestId() : requestId;
            return new Failure(p.toReply(id), closes(p.code()), false);
        }
        if (t instanceof IOException) {
            return new Failure(null, true, false);
        }
        if (t instanceof StoreException s && s.reason() == StoreException.Reason.CLOSED) {
            return new Failure(error(requestId, ErrorCode.INTERNAL, "The server is shutting down."), true, false);
        }
        return new Failure(error(requestId, ErrorCode.INTERNAL, INTERNAL_MESSAGE), inPipeline, true);
    }

    static boolean closes(ErrorCode code) {
        return code == ErrorCode.BAD_FRAME || code == ErrorCode.UNSUPPORTED_VERSION || code == ErrorCode.IDLE_TIMEOUT;
    }

    private static ServerMessage.Error error(Long id, ErrorCode code, String message) {
        return new ServerMessage.Error(id, code, message);
    }

    /** Strips the wrappers that only say where it happened: futures and decoders. */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null
                && (current instanceof CompletionException || current instanceof ExecutionException
                        || current.getClass() == DecoderException.class)) {
            current = current.getCause();
        }
        return current;
    }
}
