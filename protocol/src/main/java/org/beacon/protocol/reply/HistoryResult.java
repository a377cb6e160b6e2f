package org.beacon.protocol.reply;

import java.util.List;
import org.beacon.protocol.ServerMessage;

/**
 * Reply to {@code history}: messages oldest first; {@code has_more} when older ones exist before the first.
 */
public record HistoryResult(List<ServerMessage.Message> messages, boolean hasMore) {
    public HistoryResult {
        messages = List.copyOf(messages);
    }
}
