package org.beacon.client.net;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential (initial, doubling up to a cap) with jitter, so that a thousand
 * desks that lost the server at the same moment do not all come back in the same millisecond.
 * Attempt {@code n} (from 0) waits {@code min(cap, initial * 2^n) * (1 - jitter * r)} for a random
 * {@code r} in [0, 1).
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final RandomGenerator random;

    /**
     * @param jitter fraction of the delay that is random, in [0, 1]
     * @param random source of randomness; tests pass a fixed one
     */
    public Backoff(Duration initial, Duration max, double jitter, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter out of [0, 1]: " + jitter);
        }
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** 0.5 s doubling to 30 s, half of each delay random. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.5, RandomGenerator.getDefault());
    }

    /** The delay before attempt {@code attempt} (0 for the first retry after a drop). */
    public Duration delay(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt < 0: " + attempt);
        }
        long maxMillis = max.toMillis();
        long base = attempt >= 31 ? maxMillis : Math.min(maxMillis, initial.toMillis() << attempt);
        double factor = 1 - jitter * random.nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }
}
