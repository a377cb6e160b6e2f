package org.beacon.client.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.beacon.client.net.OutgoingMessage;
import org.beacon.protocol.ServerMessage;

/**
 * One session's messages in memory: ordered by seq, each seq held once, at most {@code capacity}
 * of the most recent (the rest stay on the server and come back with {@code history}).
 * Not thread-safe: the model guards it.
 *
 * <p>{@code floor}: every seq at or below it was dropped from memory (or never loaded), so a live
 * message at or below it is a redelivery of something already had, and is dropped too.
 * Loading an older page lowers the floor and widens the capacity to keep the page; {@link #trim()}
 * shrinks back to the recent window.
 */
final class Transcript {
    private final int baseCapacity;
    private final TreeMap<Long, ServerMessage.Message> window = new TreeMap<>();
    private final Map<String, OutgoingMessage> pending = new LinkedHashMap<>();
    private int capacity;
    private long floor;
    /** An older page said nothing is before it (until eviction drops messages again). */
    private boolean reachedStart;

    Transcript(int capacity) {
        this.baseCapacity = capacity;
        this.capacity = capacity;
    }

    /** Adds a live message; {@code false} if that seq is already held or was dropped from memory. */
    boolean add(ServerMessage.Message message) {
        long seq = message.seq();
        if (seq <= floor || window.containsKey(seq)) {
            return false;
        }
        window.put(seq, message);
        if (message.clientMsgId() != null) {
            pending.remove(message.clientMsgId());
        }
        evict();
        return true;
    }

    /** Adds an older page (oldest first); returns how many were new. */
    int addOlder(List<ServerMessage.Message> page, boolean more) {
        int added = 0;
        for (ServerMessage.Message message : page) {
            if (window.putIfAbsent(message.seq(), message) == null) {
                added++;
            }
        }
        if (!page.isEmpty()) {
            floor = Math.min(floor, page.get(0).seq() - 1);
        }
        reachedStart = !more;
        capacity = Math.max(capacity, window.size());
        return added;
    }

    /** Back to the recent window after reading older pages. */
    void trim() {
        capacity = baseCapacity;
        evict();
    }

    /** The lowest seq held, or {@code null} when none. */
    Long lowestSeq() {
        return window.isEmpty() ? null : window.firstKey();
    }

    boolean holds(long seq) {
        return window.containsKey(seq);
    }

    /** The sender of the message with this seq, or {@code null} if not held. */
    String sender(long seq) {
        ServerMessage.Message message = window.get(seq);
        return message == null ? null : message.sender();
    }

    void putPending(OutgoingMessage message) {
        pending.put(message.clientMsgId(), message);
    }

    void removePending(String clientMsgId) {
        pending.remove(clientMsgId);
    }

    int size() {
        return window.size();
    }

    TranscriptView view() {
        Long lowest = lowestSeq();
        boolean older = !reachedStart && (floor > 0 || (lowest != null && lowest > 1));
        return new TranscriptView(new ArrayList<>(window.values()), new ArrayList<>(pending.values()), older);
    }

    private void evict() {
        while (window.size() > capacity) {
            Map.Entry<Long, ServerMessage.Message> oldest = window.pollFirstEntry();
            floor = Math.max(floor, oldest.getKey());
            reachedStart = false;
        }
    }
}
