package org.beacon.bench.scenario;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.beacon.bench.load.BenchClient;
import org.beacon.bench.load.Fleet;
import org.beacon.bench.load.Progress;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code idle}: N signed-in connections that do nothing but ping, each subscribed to the presence of
 * 20 users. The server's heap after a full GC ({@code jcmd GC.run}, so a launched server is needed
 * for exact figures) and RSS are read before the connections open and after they have stayed for
 * {@code --duration} seconds; the difference over N is the cost of a connection.
 * Target with 15,000 connections: ≤ 3 KB of server heap per connection.
 *
 * <p>File descriptors: each side holds N sockets. The launched server raises its soft limit to the
 * hard one; this JVM needs {@code ulimit -n} above N + a few hundred.
 */
final class Idle implements Scenario {
    static final int SUBSCRIPTIONS = 20;

    @Override
    public String name() {
        return "idle";
    }

    @Override
    public Settings defaults(boolean smoke) {
        return smoke
                ? new Settings(50, 1, 2, 0, Duration.ofSeconds(10), 0, 0, 0, 0, 2, true)
                : new Settings(15_000, 1, 10, 0, Duration.ofSeconds(10), 0, 0, 0, 0, 2, false);
    }

    @Override
    public int usersNeeded(Settings settings) {
        return Math.max(settings.users(), SUBSCRIPTIONS + 1);
    }

    @Override
    @SuppressWarnings("try") // the progress line runs while the body does
    public void run(BenchRun run) throws Exception {
        Settings s = run.settings();
        int n = s.users();
        int seeded = usersNeeded(s);
        StatsResult before = run.statsAfterFullGc();
        long rssBefore = run.serverRss();
        long clientHeapBefore = clientHeapAfterGc();

        List<BenchClient> clients = run.fleet().clients(0, n);
        long t0 = System.nanoTime();
        run.fleet().loginAll(clients, BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT);
        double loginSeconds = (System.nanoTime() - t0) / 1e9;
        run.out().printf("%d connections signed in (%.1f s)%n", n, loginSeconds);
        run.fleet().runAll(clients, BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT, client -> {
            List<String> watch = new ArrayList<>(SUBSCRIPTIONS);
            for (int k = 1; k <= SUBSCRIPTIONS; k++) {
                watch.add(Fleet.username((client.index() + k) % seeded));
            }
            return client.connection().subscribePresence(watch);
        }, "subscribe to presence");
        run.out().printf("each subscribed to %d users' presence; idling %.0f s%n", SUBSCRIPTIONS, s.duration());
        try (Progress progress = new Progress(run.out(), BenchRun.PROGRESS_PERIOD, () -> {
            StatsResult stats = run.observer().sample();
            return stats == null ? "no stats" : String.format("server: %d connections, %d signed in, heap used %d MB,"
                    + " errors %d", stats.connections(), stats.signedIn(), stats.heapUsedBytes() >> 20,
                    run.errors().total());
        })) {
            Thread.sleep((long) (s.duration() * 1000));
        }
        StatsResult after = run.statsAfterFullGc();
        long rssAfter = run.serverRss();
        long clientHeapAfter = clientHeapAfterGc();

        run.report().put("connections", n);
        run.report().put("signed_in", after == null ? -1 : after.signedIn() - 1);
        run.report().put("login_per_s", n / loginSeconds);
        if (before != null && after != null) {
            run.report().put("heap_before_bytes", before.heapAfterGcBytes());
            run.report().put("heap_after_bytes", after.heapAfterGcBytes());
            run.report().put("heap_per_connection_bytes", (after.heapAfterGcBytes() - before.heapAfterGcBytes()) / n);
        }
        if (rssBefore > 0 && rssAfter > 0) {
            run.report().put("rss_per_connection_bytes", (rssAfter - rssBefore) / n);
        }
        run.report().put("client_heap_per_connection_bytes", (clientHeapAfter - clientHeapBefore) / n);
        run.putMessageFigures(new org.HdrHistogram.Histogram(3), new org.HdrHistogram.Histogram(3), 0, s.duration());
        run.putOutcome(before);
    }

    /** This JVM's heap after a GC request: what the client library costs per connection. */
    private static long clientHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
