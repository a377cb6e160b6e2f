package org.beacon.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.beacon.bench.load.BenchClient;
import org.beacon.bench.load.Latency;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code resume-storm}: N clients sign in, all connections drop, and all N come back at the same
 * instant with their resume tokens (new connections: connect, hello, resume), as after a switch
 * or server restart. Every resume is timed from that one instant (no coordinated omission: a
 * queued resume waits on the clock). Reports {@code resumes_per_s} (N over the time to the last
 * completion) and {@code resume_p50_ms}/{@code resume_p99_ms}/{@code resume_max_ms}.
 * Target with 10,000 clients: ≥ 5,000 resumes/s, p99 ≤ 200 ms.
 */
final class ResumeStorm implements Scenario {
    @Override
    public String name() {
        return "resume-storm";
    }

    @Override
    public Settings defaults(boolean smoke) {
        return smoke
                ? new Settings(50, 1, 1, 0, Duration.ofSeconds(10), 0, 0, 0, 0, 2, true)
                : new Settings(10_000, 1, 1, 0, Duration.ofSeconds(10), 0, 0, 0, 0, 2, false);
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings s = run.settings();
        int n = s.users();
        List<BenchClient> first = run.fleet().clients(0, n);
        run.fleet().loginAll(first, BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT);
        List<String> tokens = first.stream().map(c -> c.connection().signedInAs().resumeToken()).toList();
        run.out().printf("%d clients signed in; dropping them all%n", n);
        for (BenchClient client : first) {
            client.connection().close();
        }
        boolean gone = BenchRun.await(() -> {
            StatsResult stats = run.observer().sample();
            return stats != null && stats.signedIn() <= 1;
        }, Duration.ofSeconds(60));
        if (!gone) {
            run.out().println("the server still counts some of the dropped connections");
        }
        List<BenchClient> second = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            second.add(run.fleet().client(i));
        }
        StatsResult before = run.observer().sample();

        Recorder latencies = new Recorder(3);
        LongAdder resumed = new LongAdder();
        AtomicLong lastDone = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            BenchClient client = second.get(i);
            all.add(client.connection().resume(tokens.get(i)).whenComplete((login, error) -> {
                long now = System.nanoTime();
                if (error != null) {
                    run.errors().count(error);
                    return;
                }
                latencies.recordValue(Math.max(1, (now - t0) / 1_000));
                resumed.increment();
                lastDone.accumulateAndGet(now, Math::max);
            }));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            // counted per client above
        }
        Histogram h = latencies.getIntervalHistogram();
        double seconds = (lastDone.get() - t0) / 1e9;
        run.out().printf("%d of %d resumed in %.2f s%n", resumed.sum(), n, seconds);
        run.report().put("clients", n);
        run.report().put("resumed", resumed.sum());
        run.report().put("resumes_per_s", seconds > 0 ? resumed.sum() / seconds : 0.0);
        run.report().put("resume_p50_ms", Latency.ms(h, 50));
        run.report().put("resume_p99_ms", Latency.ms(h, 99));
        run.report().put("resume_max_ms", Latency.maxMs(h));
        run.putMessageFigures(new Histogram(3), new Histogram(3), 0, seconds);
        run.putOutcome(before);
    }
}
