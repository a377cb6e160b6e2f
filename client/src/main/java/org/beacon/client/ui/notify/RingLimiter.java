package org.beacon.client.ui.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Passes a ring on to a {@link Doorbell} at most once per interval, however many messages arrive,
 * and not at all while muted. Confined to one thread (the event dispatch thread).
 */
public final class RingLimiter {
    private final Doorbell doorbell;
    private final Clock clock;
    private final Duration interval;
    private Instant last;
    private boolean muted;

    public RingLimiter(Doorbell doorbell, Clock clock, Duration interval) {
        this.doorbell = Objects.requireNonNull(doorbell, "doorbell");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Rings unless muted or rung less than the interval ago; returns whether it rang. */
    public boolean ring() {
        if (muted) {
            return false;
        }
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(interval))) {
            return false;
        }
        last = now;
        doorbell.ring();
        return true;
    }

    public boolean muted() {
        return muted;
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
    }
}
