package org.beacon.server.net;

import io.netty.channel.group.ChannelGroup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.beacon.protocol.reply.StatsResult;
import org.beacon.server.presence.SignedInConnections;
import org.beacon.server.store.Store;

/**
 * Gathers the figures of a {@code stats} reply: connections, CPU, heap, uptime, stored messages,
 * commits, transport.
 */
final class StatsReporter {
    private final ChannelGroup connections;
    private final SignedInConnections signedIn;
    private final Store store;
    private final Clock clock;
    private final Instant startedAt;
    private final String transport;

    StatsReporter(ChannelGroup connections, SignedInConnections signedIn, Store store, Clock clock,
            String transport) {
        this.connections = connections;
        this.signedIn = signedIn;
        this.store = store;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.transport = transport;
    }

    /** Completes on the store's thread. */
    CompletableFuture<StatsResult> snapshot() {
        long open = connections.size();
        long in = signedIn.connectionCount();
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
        long afterGc = heapAfterLastGc();
        return store.stats().thenApply(s -> new StatsResult(open, in, cpu, heap.getUsed(), heap.getMax(), uptime,
                s.messages(), afterGc, s.commits(), s.writesCommitted(), transport));
    }

    /** Sum of the heap pools' usage right after their last collection (0 before the first GC). */
    private static long heapAfterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                used += afterGc.getUsed();
            }
        }
        return used;
    }
}
