package org.beacon.client.ui.im;

import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractListModel;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.client.ui.TimeStamps;
import org.beacon.protocol.ServerMessage;

/**
 * The rows of one session's message pane: stored messages in seq order (with system lines where
 * they happened), then my pending messages. Older pages are put in front, new messages at the end;
 * each change fires one interval event, so a 100,000-row pane costs only what is on screen.
 * EDT only.
 */
final class MessageListModel extends AbstractListModel<MessageRow> {
    private static final long serialVersionUID = 1L;

    private final TimeStamps times;
    /** Stored messages and system lines. */
    private final List<MessageRow> stored = new ArrayList<>();
    /** My pending or failed messages, in the order typed. */
    private final List<MessageRow> pending = new ArrayList<>();
    private long lowestSeq = Long.MAX_VALUE;
    private long highestSeq;

    MessageListModel(TimeStamps times) {
        this.times = times;
    }

    @Override
    public int getSize() {
        return stored.size() + pending.size();
    }

    @Override
    public MessageRow getElementAt(int index) {
        return index < stored.size() ? stored.get(index) : pending.get(index - stored.size());
    }

    long lowestSeq() {
        return lowestSeq == Long.MAX_VALUE ? 0 : lowestSeq;
    }

    long highestSeq() {
        return highestSeq;
    }

    /** Puts older messages (oldest first) in front of what is held; returns how many rows were added. */
    int prepend(List<ServerMessage.Message> page) {
        List<MessageRow> rows = new ArrayList<>();
        for (ServerMessage.Message message : page) {
            if (message.seq() < lowestSeq) {
                rows.addAll(rowsOf(message));
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        for (ServerMessage.Message message : page) {
            lowestSeq = Math.min(lowestSeq, message.seq());
            highestSeq = Math.max(highestSeq, message.seq());
        }
        stored.addAll(0, rows);
        fireIntervalAdded(this, 0, rows.size() - 1);
        return rows.size();
    }

    /** Adds a stored message in seq order (normally at the end); drops it if already held. */
    void add(ServerMessage.Message message) {
        if (message.clientMsgId() != null) {
            removePending(message.clientMsgId());
        }
        if (holds(message.seq())) {
            return;
        }
        int at = stored.size();
        while (at > 0 && stored.get(at - 1).seq() > message.seq()) {
            at--;
        }
        List<MessageRow> rows = rowsOf(message);
        stored.addAll(at, rows);
        lowestSeq = Math.min(lowestSeq, message.seq());
        highestSeq = Math.max(highestSeq, message.seq());
        fireIntervalAdded(this, at, at + rows.size() - 1);
    }

    /** A join, leave or end line at the end of the stored messages. */
    void addSystem(java.time.Instant at, String text) {
        int index = stored.size();
        stored.add(new MessageRow(MessageRow.Kind.SYSTEM, 0, times.format(at), "", text, null));
        fireIntervalAdded(this, index, index);
    }

    /** Shows my message as pending (or failed), replacing its earlier rows. */
    void putPending(OutgoingMessage message, String me) {
        removePending(message.clientMsgId());
        if (message.status() == OutgoingMessage.Status.SENT) {
            return;
        }
        MessageRow.Kind kind = message.status() == OutgoingMessage.Status.FAILED
                ? MessageRow.Kind.FAILED : MessageRow.Kind.PENDING;
        String[] lines = message.text().split("\n", -1);
        int start = getSize();
        pending.add(new MessageRow(kind, 0, times.format(message.createdAt()), me, lines[0], message.clientMsgId()));
        for (int i = 1; i < lines.length; i++) {
            pending.add(new MessageRow(MessageRow.Kind.CONTINUATION, 0, "", "", lines[i], message.clientMsgId()));
        }
        fireIntervalAdded(this, start, getSize() - 1);
    }

    /** Row heights depend on the pane's width: tells the list to measure every row again. */
    void widthChanged() {
        if (getSize() > 0) {
            fireContentsChanged(this, 0, getSize() - 1);
        }
    }

    /** The seq of the stored message shown at or above this row, or 0. */
    long seqAtOrBefore(int index) {
        for (int i = Math.min(index, stored.size() - 1); i >= 0; i--) {
            long seq = stored.get(i).seq();
            if (seq > 0) {
                return seq;
            }
        }
        return 0;
    }

    private boolean holds(long seq) {
        if (seq < lowestSeq || seq > highestSeq) {
            return false;
        }
        for (int i = stored.size() - 1; i >= 0; i--) {
            long held = stored.get(i).seq();
            if (held == seq) {
                return true;
            }
            if (held != 0 && held < seq) {
                return false;
            }
        }
        return false;
    }

    private void removePending(String clientMsgId) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (clientMsgId.equals(pending.get(i).clientMsgId())) {
                pending.remove(i);
                int index = stored.size() + i;
                fireIntervalRemoved(this, index, index);
            }
        }
    }

    private List<MessageRow> rowsOf(ServerMessage.Message message) {
        String[] lines = message.text().split("\n", -1);
        List<MessageRow> rows = new ArrayList<>(lines.length);
        rows.add(new MessageRow(MessageRow.Kind.MESSAGE, message.seq(), times.format(message.sentAt()),
                message.sender(), lines[0], message.clientMsgId()));
        for (int i = 1; i < lines.length; i++) {
            rows.add(new MessageRow(MessageRow.Kind.CONTINUATION, message.seq(), "", "", lines[i], null));
        }
        return rows;
    }
}
