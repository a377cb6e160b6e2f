package org.beacon.client.model;

import java.util.List;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.protocol.ServerMessage;

/**
 * A snapshot of a session's transcript in memory.
 *
 * @param messages       stored messages, ordered by seq, no seq twice (a recent window; see
 *                       {@link ClientModel#loadOlder})
 * @param pending        my messages not yet stored (pending or failed), in the order typed
 * @param olderAvailable whether older messages may exist before the first one held
 */
public record TranscriptView(List<ServerMessage.Message> messages, List<OutgoingMessage> pending, boolean olderAvailable) {
    public TranscriptView {
        messages = List.copyOf(messages);
        pending = List.copyOf(pending);
    }
}
