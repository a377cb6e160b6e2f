package org.beacon.bench.scenario;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code steady}: private chats among N users, each sending ~200-byte texts to a few fixed
 * partners, at a constant total rate (open loop). Target at {@code --rate 5000}: send→deliver
 * p50 ≤ 2 ms, p99 ≤ 10 ms, p99.9 ≤ 25 ms over 60 s after warm-up, nothing lost or duplicated.
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
                : new Settings(200, 5_000, 60, 30, Duration.ofSeconds(10), 0, 0, 0, 3, 2, false);
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
