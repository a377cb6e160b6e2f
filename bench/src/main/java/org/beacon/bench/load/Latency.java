package org.beacon.bench.load;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One latency metric, in microseconds, recorded from any thread. Keeps two views: an interval view
 * for the progress line, and the measured total, which takes only samples whose <em>intended</em>
 * time lies inside the measurement window (so warm-up and drain stay out of it).
 *
 * <p>Each recording thread has recorders of its own ({@link Lane}), summed when read: the
 * generator's event loops record 100,000 deliveries a second in {@code fanout}, and with one shared
 * recorder every sample was a contended atomic increment on a cache line both cores pass back and
 * forth.
 */
public final class Latency {
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Lane> lane = ThreadLocal.withInitial(this::newLane);
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private Histogram total = new Histogram(3);

    /** Samples whose intended time is in {@code [start, end)} (nanoTime) count in {@link #total()}. */
    public void window(long startNanos, long endNanos) {
        windowStart = startNanos;
        windowEnd = endNanos;
    }

    /** Records {@code nowNanos - intendedNanos}. */
    public void record(long intendedNanos, long nowNanos) {
        long micros = Math.max(1, (nowNanos - intendedNanos) / 1_000);
        Lane own = lane.get();
        own.interval.recordValue(micros);
        if (intendedNanos >= windowStart && intendedNanos < windowEnd) {
            own.measured.recordValue(micros);
        }
    }

    /** The samples since the last call (for the progress line). */
    public synchronized Histogram takeInterval() {
        Histogram sum = new Histogram(3);
        for (Lane each : lanes) {
            each.intervalScratch = each.interval.getIntervalHistogram(each.intervalScratch);
            sum.add(each.intervalScratch);
        }
        return sum;
    }

    /** Everything measured so far in the window. */
    public synchronized Histogram total() {
        for (Lane each : lanes) {
            total.add(each.measured.getIntervalHistogram());
        }
        return total.copy();
    }

    /** Forgets the measured samples (capacity: one window per step). */
    public synchronized void resetTotal() {
        for (Lane each : lanes) {
            each.measured.reset();
        }
        total = new Histogram(3);
    }

    public static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    public static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0;
    }

    private Lane newLane() {
        Lane created = new Lane();
        lanes.add(created);
        return created;
    }

    /** One recording thread's recorders; {@code intervalScratch} is the reader's, under the metric's lock. */
    private static final class Lane {
        final SingleWriterRecorder interval = new SingleWriterRecorder(3);
        final SingleWriterRecorder measured = new SingleWriterRecorder(3);
        Histogram intervalScratch;
    }
}
