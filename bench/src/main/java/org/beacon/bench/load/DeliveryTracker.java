package org.beacon.bench.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.beacon.protocol.ServerMessage;

/**
 * Who should have received what, and who did.
 *
 * <p>Every message the generator sends carries a {@code client_msg_id} of the form
 * {@code RUN-INTENDED-N} ({@code INTENDED} is the intended send time, {@code System.nanoTime()} in
 * hex), so a receiver in this JVM knows the intended time without a shared map, and messages of
 * other runs (a backlog on a long-lived server) are told apart and ignored.
 *
 * <p>When the server acknowledges a send, the message is expected at every other participant of
 * its session (the sending connection gets no echo). A receiver that gets the same
 * ({@code session_id}, {@code seq}) twice is a <em>duplicate</em>; an acked message missing at a
 * participant after the drain is <em>lost</em>.
 */
public final class DeliveryTracker {
    private final String runId;
    private final String prefix;
    private final Map<String, Ledger> sessions = new ConcurrentHashMap<>();
    private final LongAdder expected = new LongAdder();
    private final LongAdder unique = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder foreign = new LongAdder();
    private volatile long windowStart = Long.MIN_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean arrivalTimes;

    public DeliveryTracker(String runId) {
        this.runId = runId;
        this.prefix = runId + "-";
    }

    public String clientMsgId(long intendedNanos, long n) {
        return prefix + Long.toHexString(intendedNanos) + "-" + n;
    }

    /** The intended send time carried in a client message id of this run, or {@code Long.MIN_VALUE}. */
    public long intendedNanos(String clientMsgId) {
        if (clientMsgId == null || !clientMsgId.startsWith(prefix)) {
            return Long.MIN_VALUE;
        }
        int end = clientMsgId.indexOf('-', prefix.length());
        if (end < 0) {
            return Long.MIN_VALUE;
        }
        return Long.parseUnsignedLong(clientMsgId, prefix.length(), end, 16);
    }

    /** Only messages intended in {@code [start, end)} (nanoTime) count in {@link #spread()}; default all. */
    public void window(long startNanos, long endNanos) {
        windowStart = startNanos;
        windowEnd = endNanos;
    }

    public String runId() {
        return runId;
    }

    /**
     * Keep each message's first and last arrival time, for {@link #spread()} and
     * {@link #writeTimeline}, in the sessions registered from now on. Off by default: the
     * private-chat scenarios have hundreds of sessions whose books, 28 bytes a message for each
     * receiving thread, doubled together and filled the generator's young generation; one such
     * evacuation paused it for 82 ms in {@code capacity}'s 15,000/s step (bench/README.md,
     * thirteenth sitting).
     */
    public void recordArrivalTimes() {
        arrivalTimes = true;
    }

    /** A session and the client indexes of its participants. */
    public void register(String sessionId, int... participants) {
        sessions.put(sessionId, new Ledger(participants, arrivalTimes));
    }

    /** The server stored message {@code seq}, sent by client {@code sender}. */
    public void acked(String sessionId, long seq, int sender) {
        Ledger ledger = ledger(sessionId);
        int recipients = ledger.acked(Math.toIntExact(seq), sender);
        expected.add(recipients);
    }

    /**
     * Client {@code receiver} got {@code message} at {@code nowNanos}; {@code intendedNanos} is the
     * time carried in its client message id ({@link #intendedNanos(String)}), for the spread's window.
     *
     * @return {@code true} for the first delivery of a message of this run to this receiver
     */
    public boolean delivered(int receiver, ServerMessage.Message message, long intendedNanos, long nowNanos) {
        if (!message.clientMsgId().startsWith(prefix)) {
            foreign.increment();
            return false;
        }
        Ledger ledger = sessions.get(message.sessionId());
        if (ledger == null) {
            foreign.increment();
            return false;
        }
        switch (ledger.delivered(receiver, Math.toIntExact(message.seq()), intendedNanos, nowNanos)) {
            case FIRST -> {
                unique.increment();
                return true;
            }
            case REPEAT -> duplicates.increment();
            case STRANGER -> foreign.increment(); // not a participant: never counted as delivered
        }
        return false;
    }

    /** Deliveries expected from acked messages that have not arrived yet (can dip below 0 briefly). */
    public long pending() {
        return expected.sum() - unique.sum();
    }

    public long deliveredUnique() {
        return unique.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long foreign() {
        return foreign.sum();
    }

    /** Acked messages missing at a participant, counted per participant. */
    public long lost() {
        long lost = 0;
        for (Ledger ledger : sessions.values()) {
            lost += ledger.lost();
        }
        return lost;
    }

    /**
     * First-to-last delivery spread of each message every recipient got, in microseconds; only
     * messages intended inside the {@link #window} (warm-up and drain stay out, as for latencies).
     */
    public Histogram spread() {
        Histogram histogram = new Histogram(3);
        for (Ledger ledger : sessions.values()) {
            ledger.spread(histogram, windowStart, windowEnd);
        }
        return histogram;
    }

    /**
     * Writes one CSV line per message intended inside the {@link #window}: its session, seq,
     * intended time, first and last delivery (milliseconds on this JVM's {@code System.nanoTime()}
     * clock, which on Linux is {@code CLOCK_MONOTONIC}: the clock of {@code perf -k monotonic} and
     * {@code /proc}-based samplers), and how many of its recipients got it. For tail analysis: which
     * messages were slow, and when.
     */
    public void writeTimeline(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("session_id,seq,intended_ms,first_ms,last_ms,recipients,received\n");
            for (Map.Entry<String, Ledger> entry : sessions.entrySet()) {
                entry.getValue().writeTimeline(entry.getKey(), out, windowStart, windowEnd);
            }
        }
    }

    private Ledger ledger(String sessionId) {
        Ledger ledger = sessions.get(sessionId);
        if (ledger == null) {
            throw new IllegalStateException("session not registered: " + sessionId);
        }
        return ledger;
    }

    /** What a delivery was to its session's books. */
    private enum Arrival { FIRST, REPEAT, STRANGER }

    /**
     * One session's books. The receivers' event loops share nothing here: each receiver's seqs are
     * guarded by their own monitor (one loop serves a receiver), and the arrival times go into the
     * delivering thread's own {@link Arrivals}, merged when read. In {@code fanout} the two loops
     * deliver 100,000 messages a second to the same session, and one lock for its books had both
     * cores passing it back and forth. What was acked is guarded by the ledger's monitor.
     */
    private static final class Ledger {
        /** The participants' client indexes in ascending order, to find a receiver's books. */
        private final int[] sorted;
        /** The seqs each participant got, in the order of {@link #sorted}; each its own lock. */
        private final BitSet[] received;
        private final BitSet acked = new BitSet();
        private int[] senderOf = new int[64];
        private final List<Arrivals> lanes = new CopyOnWriteArrayList<>();
        private final ThreadLocal<Arrivals> lane = ThreadLocal.withInitial(this::newLane);

        /** Whether arrival times are kept; without them a ledger only tells first from repeat. */
        private final boolean timed;

        Ledger(int[] participants, boolean timed) {
            this.timed = timed;
            this.sorted = participants.clone();
            Arrays.sort(sorted);
            this.received = new BitSet[sorted.length];
            Arrays.setAll(received, i -> new BitSet());
        }

        /** Everyone but the sender gets each message. */
        private int recipients() {
            return sorted.length - 1;
        }

        /** The seqs client {@code index} got, or {@code null} when it is no participant. */
        private BitSet receivedBy(int index) {
            int position = Arrays.binarySearch(sorted, index);
            return position < 0 ? null : received[position];
        }

        synchronized int acked(int seq, int sender) {
            if (seq >= senderOf.length) {
                senderOf = Arrays.copyOf(senderOf, Math.max(seq + 1, senderOf.length * 2));
            }
            acked.set(seq);
            senderOf[seq] = sender;
            return recipients();
        }

        Arrival delivered(int receiver, int seq, long intendedNanos, long now) {
            BitSet got = receivedBy(receiver);
            if (got == null) {
                return Arrival.STRANGER;
            }
            synchronized (got) {
                if (got.get(seq)) {
                    return Arrival.REPEAT;
                }
                got.set(seq);
            }
            if (timed) {
                lane.get().arrived(seq, intendedNanos, now);
            }
            return Arrival.FIRST;
        }

        synchronized long lost() {
            long lost = 0;
            for (int position = 0; position < sorted.length; position++) {
                int participant = sorted[position];
                BitSet got = received[position];
                synchronized (got) {
                    for (int seq = acked.nextSetBit(0); seq >= 0; seq = acked.nextSetBit(seq + 1)) {
                        if (participant != senderOf[seq] && !got.get(seq)) {
                            lost++;
                        }
                    }
                }
            }
            return lost;
        }

        synchronized void spread(Histogram into, long windowStart, long windowEnd) {
            int recipients = recipients();
            Arrivals all = merged();
            for (int seq = acked.nextSetBit(0); seq >= 0; seq = acked.nextSetBit(seq + 1)) {
                if (all.count(seq) == recipients && recipients > 0 && all.inWindow(seq, windowStart, windowEnd)) {
                    into.recordValue(Math.max(0, (all.last[seq] - all.first[seq]) / 1_000));
                }
            }
        }

        synchronized void writeTimeline(String sessionId, BufferedWriter out, long windowStart, long windowEnd)
                throws IOException {
            int recipients = recipients();
            Arrivals all = merged();
            for (int seq = acked.nextSetBit(0); seq >= 0; seq = acked.nextSetBit(seq + 1)) {
                if (all.count(seq) > 0 && all.inWindow(seq, windowStart, windowEnd)) {
                    out.write(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%.3f,%d,%d\n", sessionId, seq,
                            all.intended[seq] / 1e6, all.first[seq] / 1e6, all.last[seq] / 1e6, recipients,
                            all.count[seq]));
                }
            }
        }

        private Arrivals newLane() {
            Arrivals created = new Arrivals();
            lanes.add(created);
            return created;
        }

        /** Every thread's arrivals in one: the earliest first, the latest last, the counts summed. */
        private Arrivals merged() {
            Arrivals all = new Arrivals();
            for (Arrivals each : lanes) {
                each.addTo(all);
            }
            return all;
        }
    }

    /** Per message seq: its intended time, first and last arrival, and how many arrivals. */
    private static final class Arrivals {
        private long[] intended = new long[64];
        private long[] first = new long[64];
        private long[] last = new long[64];
        private int[] count = new int[64];

        synchronized void arrived(int seq, long intendedNanos, long now) {
            grow(seq);
            if (count[seq]++ == 0) {
                intended[seq] = intendedNanos;
                first[seq] = now;
            }
            last[seq] = now;
        }

        /** Adds this lane into {@code into}, a lane no other thread sees. */
        synchronized void addTo(Arrivals into) {
            for (int seq = 0; seq < count.length; seq++) {
                if (count[seq] == 0) {
                    continue;
                }
                into.grow(seq);
                if (into.count[seq] == 0) {
                    into.intended[seq] = intended[seq];
                    into.first[seq] = first[seq];
                    into.last[seq] = last[seq];
                } else {
                    into.first[seq] = Math.min(into.first[seq], first[seq]);
                    into.last[seq] = Math.max(into.last[seq], last[seq]);
                }
                into.count[seq] += count[seq];
            }
        }

        int count(int seq) {
            return seq < count.length ? count[seq] : 0;
        }

        boolean inWindow(int seq, long windowStart, long windowEnd) {
            return intended[seq] >= windowStart && intended[seq] < windowEnd;
        }

        private void grow(int seq) {
            if (seq >= count.length) {
                int size = Math.max(seq + 1, count.length * 2);
                intended = Arrays.copyOf(intended, size);
                first = Arrays.copyOf(first, size);
                last = Arrays.copyOf(last, size);
                count = Arrays.copyOf(count, size);
            }
        }
    }
}
