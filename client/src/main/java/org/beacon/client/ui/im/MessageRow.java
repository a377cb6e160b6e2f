package org.beacon.client.ui.im;

import java.util.Objects;

/**
 * One row of the message pane. A message with several lines of text is several rows (the first
 * carries time and sender, the rest are continuations); a line longer than the pane is wide wraps
 * within its row (see {@link MessageRenderer}).
 *
 * @param kind        what the row is
 * @param seq         the message's seq (0 for pending and system rows)
 * @param time        {@code HH:mm:ss} in the viewer's zone, or empty on continuations
 * @param sender      the sender's username (empty on continuations and system rows)
 * @param text        this row's text
 * @param clientMsgId my message's client id (pending and my sent rows), else {@code null}
 */
public record MessageRow(Kind kind, long seq, String time, String sender, String text, String clientMsgId) {

    public enum Kind {
        /** A stored message's first line. */
        MESSAGE,
        /** A further line of a message (stored or pending). */
        CONTINUATION,
        /** My message, not yet stored by the server. */
        PENDING,
        /** My message the server refused for good. */
        FAILED,
        /** A join, leave or end notice. */
        SYSTEM
    }

    public MessageRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }

    /** What a screen reader (and a test) reads for the row. */
    @Override
    public String toString() {
        return switch (kind) {
            case MESSAGE -> time + " " + sender + " " + text;
            case CONTINUATION -> "    " + text;
            case PENDING -> time + " " + sender + " " + text + " (pending)";
            case FAILED -> time + " " + sender + " " + text + " (not sent)";
            case SYSTEM -> time + " " + text;
        };
    }
}
