package org.beacon.bench.scenario;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.beacon.bench.load.BenchClient;
import org.beacon.protocol.reply.StatsResult;

/**
 * A signed-in connection of its own that asks the server for {@code stats}, and remembers the
 * highest heap-after-GC it saw (the server's live set at its peak).
 */
public final class StatsObserver {
    private final BenchClient client;
    private final AtomicLong peakHeapAfterGc = new AtomicLong();

    StatsObserver(BenchClient client) {
        this.client = client;
    }

    /** The server's figures now, or {@code null} if it does not answer within 30 s. */
    public StatsResult sample() {
        try {
            StatsResult stats = client.connection().stats().get(30, TimeUnit.SECONDS);
            peakHeapAfterGc.accumulateAndGet(stats.heapAfterGcBytes(), Math::max);
            return stats;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** {@link #sample()} without waiting (for a send loop that must not stall); {@code null} on failure. */
    public java.util.concurrent.CompletableFuture<StatsResult> sampleAsync() {
        return client.connection().stats().handle((stats, error) -> {
            if (stats != null) {
                peakHeapAfterGc.accumulateAndGet(stats.heapAfterGcBytes(), Math::max);
            }
            return stats;
        });
    }

    public long peakHeapAfterGc() {
        return peakHeapAfterGc.get();
    }
}
