package org.beacon.server.im;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user token bucket for {@code send}: {@code perSecond} messages a second sustained, bursts up
 * to {@code burst}. A person never types that fast; a broken or hostile client that floods is
 * refused with {@code RATE_LIMITED} before anything is stored, so it cannot slow others down.
 */
final class SendRateLimiter {
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    SendRateLimiter(double perSecond, double burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate " + perSecond + "/s, burst " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token; returns 0 when allowed, else the milliseconds until one is available. */
    long tryAcquire(String username) {
        Bucket bucket = buckets.computeIfAbsent(username, u -> new Bucket(burst, clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * perSecond / 1000.0);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) * 1000.0 / perSecond);
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
