package org.beacon.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate schedule: shot {@code n} is due at {@code start + n / rate}. It never waits for a
 * reply (open loop); when it falls behind it fires every overdue shot at once, and each shot
 * carries its <em>intended</em> time, from which latency is measured. A stalled server therefore
 * shows as latency instead of a lower offered rate (no coordinated omission).
 */
public final class OpenLoop {
    /** One scheduled send. */
    @FunctionalInterface
    public interface Shot {
        void fire(long n, long intendedNanos);
    }

    private final double ratePerSecond;

    public OpenLoop(double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
    }

    /** Fires shots due in {@code [startNanos, endNanos)} on the calling thread; returns how many. */
    public long run(long startNanos, long endNanos, Shot shot) {
        double periodNanos = 1e9 / ratePerSecond;
        long n = 0;
        while (true) {
            long intended = startNanos + (long) (n * periodNanos);
            if (intended - endNanos >= 0) {
                return n;
            }
            long wait = intended - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = intended - System.nanoTime();
            }
            shot.fire(n, intended);
            n++;
        }
    }
}
