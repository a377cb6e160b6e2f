package org.beacon.protocol.reply;

import java.time.Instant;
import java.util.Objects;

/**
 * Reply to {@code send}: the message is stored durably.
 *
 * @param seq       its place in the session
 * @param sentAt    the server's time stamp
 * @param duplicate {@code true} when this {@code client_msg_id} was already stored (the original seq is returned)
 */
public record SendResult(long seq, Instant sentAt, boolean duplicate) {
    public SendResult {
        Objects.requireNonNull(sentAt, "sent_at");
    }
}
