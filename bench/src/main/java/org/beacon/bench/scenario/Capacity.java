package org.beacon.bench.scenario;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.beacon.bench.load.GeneratorTransport;
import org.beacon.bench.load.Latency;
import org.beacon.bench.load.Progress;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code capacity}: the steady set-up, with the rate raised step by step ({@code --rate} first,
 * {@code --step} more each time, up to {@code --max-rate}); each step runs warm-up + measure, then
 * drains. A step passes when p99 send→deliver is under 50 ms, nothing was lost and every offered
 * message was delivered in the drain period. Stops at the first failing step and reports the
 * highest passing rate ({@code capacity_per_s}); the latency fields are those of that step.
 * Target: ≥ 20,000 durable messages/s.
 *
 * <p>The generator runs on epoll here, as in {@code steady}: in two interleaved pairs against
 * io_uring it reached 20,000 and 12,500/s against 12,500 and 12,500/s, with a lower p99 at
 * 10,000–12,500/s (bench/README.md, seventh sitting).
 */
final class Capacity implements Scenario {
    static final double P99_LIMIT_MS = 50;

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public GeneratorTransport defaultTransport() {
        return GeneratorTransport.epollWhereAvailable();
    }

    @Override
    public Settings defaults(boolean smoke) {
        return smoke
                ? new Settings(20, 200, 2, 0.5, Duration.ofSeconds(10), 200, 400, 0, 3, 2, true)
                : new Settings(200, 5_000, 10, 3, Duration.ofSeconds(10), 2_500, 60_000, 0, 3, 2, false);
    }

    /** Load before the first step, so that it measures compiled code. */
    static final double JIT_WARMUP_S = 20;

    @Override
    @SuppressWarnings("try") // the progress line runs while the body does
    public void run(BenchRun run) throws Exception {
        Settings s = run.settings();
        List<Route> routes = PrivateChats.open(run, s.users(), s.partners());
        MessageShots shots = new MessageShots(run, routes);
        StatsResult first = run.observer().sample();
        double best = 0;
        Histogram bestAcks = new Histogram(3);
        Histogram bestDeliveries = new Histogram(3);
        long bestOffered = 0;
        int step = 0;
        try (Progress progress = run.messageProgress(shots::sent, shots::acked)) {
            if (!s.smoke()) {
                // Both JVMs compile the hot path during the first 15-20 s at load; without this the
                // first step would measure the JIT's backlog, not the server.
                run.out().printf("JIT warm-up: %.0f s at %.0f/s (not measured)%n", JIT_WARMUP_S, s.rate() / 2);
                shots.measure(s.rate() / 2, s.withTiming(JIT_WARMUP_S, 1));
            }
            for (double rate = s.rate(); rate <= s.maxRate(); rate += s.step()) {
                step++;
                long lostBefore = run.tracker().lost();
                run.ack().resetTotal();
                run.deliver().resetTotal();
                run.sendLag().resetTotal();
                MessageShots.Window window = shots.measure(rate, s);
                long offered = window.offered();
                boolean drained = window.drained();
                StatsResult atEnd = run.observer().sample();
                Histogram acks = run.ack().total();
                Histogram deliveries = run.deliver().total();
                long lost = run.tracker().lost() - lostBefore;
                double p99 = Latency.ms(deliveries, 99);
                double delivered = deliveries.getTotalCount() / s.duration();
                boolean pass = drained && lost == 0 && p99 < P99_LIMIT_MS;
                StatsResult before = window.statsAtStart().join();
                String prefix = "step" + step + "_";
                run.report().put(prefix + "offered_per_s", offered / s.duration());
                run.report().put(prefix + "delivered_per_s", delivered);
                run.report().put(prefix + "deliver_p50_ms", Latency.ms(deliveries, 50));
                run.report().put(prefix + "deliver_p99_ms", p99);
                run.report().put(prefix + "deliver_max_ms", Latency.maxMs(deliveries));
                if (before != null && atEnd != null) {
                    run.report().put(prefix + "server_cpu_s", atEnd.cpuSeconds() - before.cpuSeconds());
                }
                run.report().put(prefix + "pass", pass);
                run.out().printf("step %d: offered %.0f/s delivered %.0f/s p99 %.1f ms lost %d drained %s -> %s%n",
                        step, offered / s.duration(), delivered, p99, lost, drained, pass ? "pass" : "FAIL");
                if (!pass) {
                    break;
                }
                best = delivered;
                bestAcks = acks;
                bestDeliveries = deliveries;
                bestOffered = offered;
            }
        }
        run.report().put("capacity_per_s", best);
        run.report().put("steps", step);
        run.report().put("users", s.users());
        run.putMessageFigures(bestAcks, bestDeliveries, bestOffered, s.duration());
        run.drain(shots::settled); // a failed step may still have deliveries on the way: lost means lost
        run.putOutcome(first);
    }
}
