package org.beacon.server.net;

import java.time.Clock;

/**
 * A token bucket for one connection's requests: {@code burst} at once, refilled at {@code perSecond}.
 * A request over the rate is answered {@code RATE_LIMITED} with the wait; it never reaches a
 * service, so a broken client flooding requests costs the server little and nobody else anything.
 * Used only on the connection's event loop (not thread-safe).
 */
final class RequestRateLimiter {
    private final Clock clock;
    private final double perMilli;
    private final double burst;
    private double tokens;
    private long lastMillis;

    RequestRateLimiter(Clock clock, int perSecond, int burst) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive: " + perSecond + ", " + burst);
        }
        this.clock = clock;
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.lastMillis = clock.millis();
    }

    /** 0 when the request may go ahead, else the milliseconds until it could. */
    long tryAcquire() {
        long now = clock.millis();
        if (now > lastMillis) {
            tokens = Math.min(burst, tokens + (now - lastMillis) * perMilli);
            lastMillis = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli));
    }
}
