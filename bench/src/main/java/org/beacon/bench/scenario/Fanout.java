package org.beacon.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.beacon.bench.load.BenchClient;
import org.beacon.bench.load.Latency;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code fanout}: one conference of N signed-in participants; the initiator (user 0) sends at
 * {@code --rate} and every other participant receives each message. Reports deliveries/s
 * ({@code delivered_per_s}, every recipient counted) and the spread from the first to the last
 * recipient of each message ({@code spread_p50_ms}, {@code spread_p99_ms}, {@code spread_max_ms}).
 * Target with 500 participants: ≥ 100,000 deliveries/s, p99 spread ≤ 20 ms.
 */
final class Fanout implements Scenario {
    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public Settings defaults(boolean smoke) {
        return smoke
                ? new Settings(20, 50, 3, 1, Duration.ofSeconds(10), 0, 0, 0, 0, 2, true)
                : new Settings(500, 201, 30, 30, Duration.ofSeconds(10), 0, 0, 0, 0, 2, false);
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings s = run.settings();
        if (s.users() < 2) {
            throw new IllegalArgumentException("fanout needs at least 2 users");
        }
        List<BenchClient> clients = run.fleet().clients(0, s.users());
        run.fleet().sink(new DeliverySink(run));
        run.fleet().loginAll(clients, BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT);
        BenchClient initiator = clients.get(0);
        List<String> others = clients.subList(1, clients.size()).stream().map(BenchClient::username).toList();
        String sessionId = initiator.connection().startConference(others, "Fan-out bench", null)
                .get(60, TimeUnit.SECONDS).session().sessionId();
        run.tracker().recordArrivalTimes();
        run.tracker().register(sessionId, clients.stream().mapToInt(BenchClient::index).toArray());
        run.out().printf("conference of %d participants; %.0f msg/s -> %.0f deliveries/s offered%n",
                s.users(), s.rate(), s.rate() * (s.users() - 1));

        MessageShots shots = new MessageShots(run, List.of(new Route(initiator, sessionId)));
        MessageShots.Window window = shots.measureWithProgress(s.rate(), s);
        long offered = window.offered();
        StatsResult before = window.statsAtStart().join();
        Histogram acks = run.ack().total();
        Histogram deliveries = run.deliver().total();
        Histogram spread = run.tracker().spread();
        run.putMessageFigures(acks, deliveries, offered, s.duration());
        run.report().put("participants", s.users());
        run.report().put("messages_per_s", offered / s.duration());
        run.report().put("spread_p50_ms", Latency.ms(spread, 50));
        run.report().put("spread_p99_ms", Latency.ms(spread, 99));
        run.report().put("spread_max_ms", Latency.maxMs(spread));
        run.putOutcome(before);
    }
}
