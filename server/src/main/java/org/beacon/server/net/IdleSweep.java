package org.beacon.server.net;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Closes the connections that sent no complete frame for the idle timeout, with one sweep per
 * event loop instead of a timer per connection. Netty's {@code IdleStateHandler} costs each
 * connection a handler, its context, a scheduled task and a clock read per read burst: ~280 bytes
 * of heap, which is a tenth of what an idle connection costs the server in all (bench/README.md,
 * twelfth sitting). Here a connection costs two array slots, and the read path only sets a flag
 * ({@link Watched#takeHeard()}).
 *
 * <p>A sweep runs on each loop every eighth of the timeout (10 ms to 1 s). It notes the time of
 * the first sweep after a frame came, so a silent connection is closed between one and one and a
 * quarter timeouts after its last frame, never before.
 */
final class IdleSweep {
    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long MAX_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A connection as the sweep sees it; every method is called on the connection's event loop. */
    interface Watched {
        /** Whether a complete frame arrived since the last call; clears that mark. */
        boolean takeHeard();

        /** {@code false} once the connection is closing: the sweep then forgets it. */
        boolean isOpen();

        /** Silent for the timeout: say so to the peer and close. */
        void idleTimedOut();
    }

    private final long timeoutNanos;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<EventLoop, Roster> rosters = new ConcurrentHashMap<>();

    IdleSweep(Duration timeout) {
        this(timeout, System::nanoTime);
    }

    IdleSweep(Duration timeout, LongSupplier nanoClock) {
        this.timeoutNanos = timeout.toNanos();
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("idle timeout must be positive: " + timeout);
        }
        this.intervalNanos = intervalFor(timeoutNanos);
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** How often each loop sweeps for a timeout of {@code timeoutNanos}. */
    static long intervalFor(long timeoutNanos) {
        return Math.max(MIN_INTERVAL_NANOS, Math.min(MAX_INTERVAL_NANOS, timeoutNanos / 8));
    }

    /** Watches a connection of {@code loop} from now on, until it closes. */
    void watch(EventLoop loop, Watched connection) {
        Roster roster = rosters.computeIfAbsent(loop, this::startRoster);
        if (loop.inEventLoop()) {
            roster.add(connection, nanoClock.getAsLong());
        } else {
            loop.execute(() -> roster.add(connection, nanoClock.getAsLong()));
        }
    }

    private Roster startRoster(EventLoop loop) {
        Roster roster = new Roster(timeoutNanos);
        // Ends with the loop: the server's shutdown cancels its scheduled tasks.
        loop.scheduleAtFixedRate(() -> roster.sweep(nanoClock.getAsLong()), intervalNanos, intervalNanos,
                TimeUnit.NANOSECONDS);
        return roster;
    }

    /**
     * The connections of one event loop and the time each was last heard from; used on that loop
     * only, so it needs no lock. Two parallel arrays, no object per connection.
     */
    static final class Roster {
        private final long timeoutNanos;
        private Watched[] members = new Watched[16];
        private long[] heardAt = new long[16];
        private int size;

        Roster(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        void add(Watched connection, long nowNanos) {
            if (size == members.length) {
                int grown = size + (size >> 1);
                members = Arrays.copyOf(members, grown);
                heardAt = Arrays.copyOf(heardAt, grown);
            }
            members[size] = connection;
            heardAt[size] = nowNanos;
            size++;
        }

        /** Forgets the closed connections and times out the silent ones. */
        void sweep(long nowNanos) {
            int i = 0;
            while (i < size) {
                Watched member = members[i];
                if (!member.isOpen()) {
                    removeAt(i);
                } else if (member.takeHeard()) {
                    heardAt[i++] = nowNanos;
                } else if (nowNanos - heardAt[i] >= timeoutNanos) {
                    removeAt(i);
                    member.idleTimedOut();
                } else {
                    i++;
                }
            }
            if (size < members.length / 4 && members.length > 16) {
                int shrunk = Math.max(16, size * 2);
                members = Arrays.copyOf(members, shrunk);
                heardAt = Arrays.copyOf(heardAt, shrunk);
            }
        }

        int size() {
            return size;
        }

        private void removeAt(int i) {
            size--;
            members[i] = members[size];
            heardAt[i] = heardAt[size];
            members[size] = null;
        }
    }
}
