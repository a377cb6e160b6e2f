package org.beacon.bench.load;

import java.util.concurrent.locks.LockSupport;

/**
 * A constant-rate schedule: shot {@code n} is due at {@code start + n / rate}. It never waits for a
 * reply (open loop); when it falls behind it fires every overdue shot at once, and each shot
 * carries its <em>intended</em> time, from which latency is measured. A stalled server therefore
 * shows as latency instead of a lower offered rate (no coordinated omission).
 *
 * <p>It sleeps at least {@link #TICK_NANOS} at a time and then fires every shot that has come due:
 * at 20,000 shots a second, waking for each one (every 50 µs) cost the generator, which shares the
 * machine with the server, a tenth of a core in sleeps and event-loop wake-ups. A shot sent late by
 * up to a tick still counts from its intended time, so the tick can only make latency look worse.
 */
public final class OpenLoop {
    /** One scheduled send. */
    @FunctionalInterface
    public interface Shot {
        void fire(long n, long intendedNanos);
    }

    /** Shortest sleep between firing rounds. */
    static final long TICK_NANOS = 200_000;

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
            long now = System.nanoTime();
            if (intended - now > 0) {
                long wakeAt = Math.max(intended, now + TICK_NANOS);
                long wait;
                while ((wait = wakeAt - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            shot.fire(n, intended);
            n++;
        }
    }
}
