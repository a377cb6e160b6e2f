package org.beacon.bench.scenario;

import java.time.Duration;

/**
 * The resolved parameters of one scenario run (command-line values over the scenario's defaults).
 *
 * @param users         simulated users (connections), not counting the stats observer
 * @param rate          messages a second offered (capacity: the first step)
 * @param duration      measured seconds (capacity: per step; idle: how long the connections stay)
 * @param warmup        seconds before measuring (capacity: per step)
 * @param drain         longest wait for outstanding deliveries after sending stops
 * @param step          capacity: rate increase per step
 * @param maxRate       capacity: highest rate tried
 * @param messages      offline: messages waiting for the returning user
 * @param partners      steady/capacity: private-chat partners per user; offline: sessions (senders)
 * @param clientThreads event-loop threads of the generator's shared transport
 * @param smoke         short CI mode: small N, seconds
 */
public record Settings(int users, double rate, double duration, double warmup, Duration drain, double step,
        double maxRate, int messages, int partners, int clientThreads, boolean smoke) {

    public Settings {
        if (users < 1 || rate <= 0 || duration <= 0 || warmup < 0 || clientThreads < 1) {
            throw new IllegalArgumentException("users, rate, duration and client threads must be positive, warmup"
                    + " not negative");
        }
    }

    public long durationNanos() {
        return (long) (duration * 1e9);
    }

    public long warmupNanos() {
        return (long) (warmup * 1e9);
    }

    /** The same settings with another warm-up and measured duration. */
    public Settings withTiming(double newWarmup, double newDuration) {
        return new Settings(users, rate, newDuration, newWarmup, drain, step, maxRate, messages, partners, clientThreads,
                smoke);
    }
}
