package org.beacon.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The stable error codes carried by an {@code error} frame. Part of the wire contract: programs
 * branch on these names, so a constant is never renamed or removed, only added.
 *
 * <p>A reader that meets a code it does not know maps it to {@link #UNKNOWN} rather than failing,
 * so an older client keeps working against a newer server.
 */
public enum ErrorCode {
    /** The frame is not a JSON object, has no or an unknown {@code type}. The connection is closed. */
    BAD_FRAME,
    /** The frame is well formed but a field is missing or invalid. The connection stays open. */
    BAD_REQUEST,
    /** The {@code hello} asked for a protocol version this server does not speak. */
    UNSUPPORTED_VERSION,
    /** A request came before {@code hello} or before {@code login}/{@code resume}. */
    AUTH_REQUIRED,
    /** Wrong username or password (the two are not told apart), or an expired resume token. */
    AUTH_FAILED,
    /** The user lacks the right for this request (e.g. initiating an IM session). */
    FORBIDDEN,
    /** No such user, resource or session; also a session the caller is not part of. */
    NOT_FOUND,
    /** Instant messaging is switched off for the region. */
    FEATURE_DISABLED,
    /** The session has ended; nothing more can be sent to it. */
    SESSION_ENDED,
    /** A frame over the maximum (connection closed) or a message text over its limit (not closed). */
    TOO_LARGE,
    /** Too many requests or failed sign-ins; retry after {@code retry_after_ms}. */
    RATE_LIMITED,
    /** The connection was silent for longer than the idle timeout and is being closed. */
    IDLE_TIMEOUT,
    /** The server failed; the request may be retried. Details are in the server log. */
    INTERNAL,
    /** A code this reader does not know (sent by a newer peer). Never sent on the wire. */
    @JsonEnumDefaultValue
    UNKNOWN
}
