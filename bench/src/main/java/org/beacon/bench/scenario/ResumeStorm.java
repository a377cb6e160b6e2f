package org.beacon.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.beacon.bench.load.BenchClient;
import org.beacon.bench.load.Latency;
import org.beacon.bench.load.OpenLoop;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code resume-storm}: N clients sign in, all connections drop, and then they come back with
 * their resume tokens (new connections: connect, then hello and resume in one write). The same N
 * clients (one {@code Connection} each) resume in every storm, as a desk's client reconnects
 * after a drop. First come warm-up rounds, paced
 * as below, until {@code --warmup} seconds (default 20) have passed ({@code warmup_rounds}): a
 * storm hits a server that has been up for hours, whose resume path is compiled code, and without
 * them both JVMs spend about half their CPU in the JIT compiler during the storm. Then two measured
 * storms:
 * <ol>
 * <li><b>Burst</b>: all N at the same instant, as if every link came up in the same
 * millisecond. Every resume is timed from that one instant (a queued resume waits on the clock).
 * Reports {@code resumes_per_s} (N over the time to the last completion) and
 * {@code resume_p50_ms}/{@code resume_p99_ms}/{@code resume_max_ms}. The last of N waits at
 * least N / rate, so this p99 measures how long the whole burst takes, not one resume.
 * <li><b>Paced</b>: all dropped again, then the N come back open-loop at {@code --rate} a second
 * (default 5,000: 10,000 desks within two seconds, as after a switch restart), each timed from
 * its own intended instant, so a server that falls behind shows as latency. Reports
 * {@code paced_offered_per_s}, {@code paced_resumes_per_s} (N over the time from the first
 * intended instant to the last completion) and {@code paced_resume_p50_ms}/{@code _p99_ms}/{@code
 * _max_ms}.
 * </ol>
 * Target with 10,000 clients: ≥ 5,000 resumes/s, p99 ≤ 200 ms. The rate is read from the burst
 * ({@code resumes_per_s}: how fast the server gets through all of them), the p99 from the paced
 * storm at 5,000/s ({@code paced_resume_p99_ms}: how long one desk waits while that many come
 * back). The burst's own p99 cannot be the reading: from one instant, the last of N waits N / rate,
 * so a p99 of 200 ms would need ~50,000 resumes/s.
 */
final class ResumeStorm implements Scenario {
    @Override
    public String name() {
        return "resume-storm";
    }

    @Override
    public Settings defaults(boolean smoke) {
        return smoke
                ? new Settings(50, 500, 1, 0.1, Duration.ofSeconds(10), 0, 0, 0, 0, 2, true)
                : new Settings(10_000, 5_000, 1, 20, Duration.ofSeconds(10), 0, 0, 0, 0, 2, false);
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings s = run.settings();
        int n = s.users();
        // The same N clients throughout: each drop closes their connections, and each storm
        // resumes them on their own Connection, as a desk's client reconnects after a drop.
        List<BenchClient> clients = run.fleet().clients(0, n);
        run.fleet().loginAll(clients, BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT);
        List<String> tokens = clients.stream().map(c -> c.connection().signedInAs().resumeToken()).toList();
        run.out().printf("%d clients signed in; dropping them all%n", n);
        dropAll(run, clients);
        int rounds = warmUp(run, clients, tokens);
        run.report().put("warmup_rounds", rounds);
        // CPU figures cover both storms (and the drop between them), not the sign-ins
        StatsResult before = run.markMeasureStart().join();

        run.report().put("clients", n);
        Storm burst = new Storm(run);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            burst.resume(clients.get(i), tokens.get(i), t0);
        }
        double seconds = burst.awaitAndReport("", t0);
        run.out().printf("%d of %d resumed in %.2f s%n", burst.resumed(), n, seconds);

        run.out().printf("dropping them all again; then %d resume at %.0f a second%n", n, s.rate());
        dropAll(run, clients);
        Storm paced = new Storm(run);
        long start = pacedStorm(run, paced, clients, tokens);
        run.report().put("paced_offered_per_s", s.rate());
        paced.awaitAndReport("paced_", start);
        run.out().printf("%d of %d resumed at %.0f a second; p99 %.1f ms from each one's intended instant%n",
                paced.resumed(), n, s.rate(), run.report().get("paced_resume_p99_ms"));
        run.putMessageFigures(new Histogram(3), new Histogram(3), 0, seconds);
        run.putOutcome(before);
    }

    /**
     * Paced storms, each followed by a drop, until {@code --warmup} seconds have passed (at least
     * one unless it is 0): the server and the generator then run the resume path as compiled code,
     * as a server that has been up for a while does. Returns the number of rounds.
     */
    private static int warmUp(BenchRun run, List<BenchClient> clients, List<String> tokens) throws Exception {
        if (run.settings().warmupNanos() == 0) {
            return 0;
        }
        long until = System.nanoTime() + run.settings().warmupNanos();
        int rounds = 0;
        do {
            Storm storm = new Storm(run);
            pacedStorm(run, storm, clients, tokens);
            storm.await();
            rounds++;
            run.out().printf("warm-up round %d: %d resumed%n", rounds, storm.resumed());
            dropAll(run, clients);
        } while (System.nanoTime() < until);
        return rounds;
    }

    /**
     * One paced storm: the (dropped) clients resume open-loop at {@code --rate}, each from its own
     * intended instant, into {@code storm}; returns the first intended instant.
     */
    private static long pacedStorm(BenchRun run, Storm storm, List<BenchClient> clients, List<String> tokens) {
        int n = tokens.size();
        long start = System.nanoTime() + 50_000_000L;
        new OpenLoop(run.settings().rate()).run(start, start + (long) Math.ceil(n * 1e9 / run.settings().rate()),
                (shot, intended) -> {
                    if (shot < n) {
                        storm.resume(clients.get((int) shot), tokens.get((int) shot), intended);
                    }
                });
        return start;
    }

    /**
     * One storm's resumes: each timed from its own start instant, counted, and the last completion
     * kept. Resumes are started from one thread; they complete on the client's event loops.
     */
    private static final class Storm {
        private final BenchRun run;
        private final Recorder latencies = new Recorder(3);
        private final LongAdder resumed = new LongAdder();
        private final AtomicLong lastDone = new AtomicLong();
        private final List<CompletableFuture<?>> all = new ArrayList<>();

        Storm(BenchRun run) {
            this.run = run;
        }

        void resume(BenchClient client, String token, long fromNanos) {
            all.add(client.connection().resume(token).whenComplete((login, error) -> {
                long now = System.nanoTime();
                if (error != null) {
                    run.errors().count(error);
                    return;
                }
                latencies.recordValue(Math.max(1, (now - fromNanos) / 1_000));
                resumed.increment();
                lastDone.accumulateAndGet(now, Math::max);
            }));
        }

        long resumed() {
            return resumed.sum();
        }

        /** Waits for every resume (failures are counted per client). */
        void await() throws InterruptedException, TimeoutException {
            try {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                // counted per client
            }
        }

        /**
         * Waits for every resume, then reports {@code PREFIXresumed}, {@code PREFIXresumes_per_s}
         * (resumes over the time from {@code startNanos} to the last completion) and
         * {@code PREFIXresume_p50/p99/max_ms}; returns that time in seconds.
         */
        double awaitAndReport(String prefix, long startNanos) throws InterruptedException, TimeoutException {
            await();
            Histogram h = latencies.getIntervalHistogram();
            double seconds = (lastDone.get() - startNanos) / 1e9;
            run.report().put(prefix + "resumed", resumed.sum());
            run.report().put(prefix + "resumes_per_s", seconds > 0 ? resumed.sum() / seconds : 0.0);
            run.report().put(prefix + "resume_p50_ms", Latency.ms(h, 50));
            run.report().put(prefix + "resume_p99_ms", Latency.ms(h, 99));
            run.report().put(prefix + "resume_max_ms", Latency.maxMs(h));
            return seconds;
        }
    }

    /** Closes every client's connection and waits (bounded) until the server has let them all go. */
    private static void dropAll(BenchRun run, List<BenchClient> clients) {
        run.fleet().drop(clients);
        boolean gone = BenchRun.await(() -> {
            StatsResult stats = run.observer().sample();
            return stats != null && stats.signedIn() <= 1;
        }, Duration.ofSeconds(60));
        if (!gone) {
            run.out().println("the server still counts some of the dropped connections");
        }
    }
}
