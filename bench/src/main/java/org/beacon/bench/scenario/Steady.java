package org.beacon.bench.scenario;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.beacon.bench.load.GeneratorTransport;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code steady}: private chats among N users, each sending ~200-byte texts to a few fixed
 * partners, at a constant total rate (open loop). Target at {@code --rate 5000}: send→deliver
 * p50 ≤ 2 ms, p99 ≤ 10 ms, p99.9 ≤ 25 ms over 60 s after warm-up, nothing lost or duplicated.
 *
 * <p>The generator runs one event loop here ({@code --client-threads} to change it): 200
 * connections at 5,000 messages a second need about 0.4 of a core, and on two cores shared with
 * the server a second loop only adds hand-offs and wake-ups. In nine interleaved pairs it cost
 * the generator 6–17 % more CPU and raised the p99 in seven (bench/README.md, fifth sitting).
 * {@code capacity} keeps two: at 20,000 messages a second one loop would be the bottleneck.
 *
 * <p>That loop is epoll's where Linux has it, not io_uring's as in the other scenarios: in five
 * interleaved pairs io_uring raised the p99 in four (median 10.4 against 9.4 ms; bench/README.md,
 * seventh sitting). Its saving is CPU, which this scenario has to spare.
 */
final class Steady implements Scenario {
    @Override
    public String name() {
        return "steady";
    }

    @Override
    public Settings defaults(boolean smoke) {
        return smoke
                ? new Settings(20, 200, 3, 1, Duration.ofSeconds(10), 0, 0, 0, 3, 2, true)
                : new Settings(200, 5_000, 60, 30, Duration.ofSeconds(10), 0, 0, 0, 3, 1, false);
    }

    @Override
    public GeneratorTransport defaultTransport() {
        return GeneratorTransport.epollWhereAvailable();
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings s = run.settings();
        List<Route> routes = PrivateChats.open(run, s.users(), s.partners());
        MessageShots shots = new MessageShots(run, routes);
        run.out().printf("steady: %.0f msg/s for %.0f s warm-up + %.0f s measured%n", s.rate(), s.warmup(), s.duration());
        MessageShots.Window window = shots.measureWithProgress(s.rate(), s);
        long offered = window.offered();
        StatsResult before = window.statsAtStart().join();
        Histogram acks = run.ack().total();
        Histogram deliveries = run.deliver().total();
        run.putMessageFigures(acks, deliveries, offered, s.duration());
        run.report().put("users", s.users());
        run.report().put("sessions", routes.size() / 2);
        run.putOutcome(before);
    }
}
