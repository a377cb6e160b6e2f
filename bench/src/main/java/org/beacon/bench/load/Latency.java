package org.beacon.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency metric, in microseconds, recorded from any thread. Keeps two views: an interval view
 * for the progress line, and the measured total, which takes only samples whose <em>intended</em>
 * time lies inside the measurement window (so warm-up and drain stay out of it).
 */
public final class Latency {
    private final Recorder interval = new Recorder(3);
    private final Recorder measured = new Recorder(3);
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private Histogram intervalScratch;
    private Histogram total = new Histogram(3);

    /** Samples whose intended time is in {@code [start, end)} (nanoTime) count in {@link #total()}. */
    public void window(long startNanos, long endNanos) {
        windowStart = startNanos;
        windowEnd = endNanos;
    }

    /** Records {@code nowNanos - intendedNanos}. */
    public void record(long intendedNanos, long nowNanos) {
        long micros = Math.max(1, (nowNanos - intendedNanos) / 1_000);
        interval.recordValue(micros);
        if (intendedNanos >= windowStart && intendedNanos < windowEnd) {
            measured.recordValue(micros);
        }
    }

    /** The samples since the last call (for the progress line). */
    public synchronized Histogram takeInterval() {
        intervalScratch = interval.getIntervalHistogram(intervalScratch);
        return intervalScratch.copy();
    }

    /** Everything measured so far in the window. */
    public synchronized Histogram total() {
        total.add(measured.getIntervalHistogram());
        return total.copy();
    }

    /** Forgets the measured samples (capacity: one window per step). */
    public synchronized void resetTotal() {
        measured.reset();
        total = new Histogram(3);
    }

    public static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    public static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0;
    }
}
