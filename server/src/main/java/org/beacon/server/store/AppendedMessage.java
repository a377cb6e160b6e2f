package org.beacon.server.store;

import java.util.Objects;
import org.beacon.protocol.ServerMessage;

/**
 * The outcome of {@link Store#appendMessage}: the stored message, and whether it had been stored
 * before (a resend with the same client message id).
 */
public record AppendedMessage(ServerMessage.Message message, boolean duplicate) {
    public AppendedMessage {
        Objects.requireNonNull(message, "message");
    }
}
