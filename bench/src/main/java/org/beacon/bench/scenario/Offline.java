package org.beacon.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.beacon.bench.load.BenchClient;
import org.beacon.bench.load.Latency;
import org.beacon.protocol.reply.StatsResult;

/**
 * {@code offline}: a user comes back to {@code --messages} (10,000) waiting messages across
 * {@code --partners} (20) private sessions. S senders each open a private chat with a user who is
 * signed out, and send their share (as fast as the server acks, at most 256 outstanding: this
 * part is set-up, not measured). Then the user signs in; every delivery is timed from the moment
 * the login request left ({@code deliver_*} fields), and {@code catchup_ms} is the time until the
 * last one arrived. Target: all 10,000 delivered ≤ 1 s after sign-in.
 */
final class Offline implements Scenario {
    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Settings defaults(boolean smoke) {
        return smoke
                ? new Settings(21, 1, 1, 0, Duration.ofSeconds(30), 0, 0, 500, 20, 2, true)
                : new Settings(21, 1, 1, 0, Duration.ofSeconds(30), 0, 0, 10_000, 20, 2, false);
    }

    @Override
    public int usersNeeded(Settings settings) {
        return settings.partners() + 1;
    }

    @Override
    public void run(BenchRun run) throws Exception {
        Settings s = run.settings();
        int senders = s.partners();
        List<BenchClient> sending = run.fleet().clients(0, senders);
        DeliverySink sink = new DeliverySink(run);
        run.fleet().sink(sink);
        run.fleet().loginAll(sending, BenchRun.SIGN_IN_CONCURRENCY, BenchRun.SIGN_IN_TIMEOUT);
        BenchClient returning = run.fleet().client(senders);
        List<Route> routes = new ArrayList<>();
        for (BenchClient sender : sending) {
            String sessionId = sender.connection().startPrivate(returning.username()).get(60, TimeUnit.SECONDS)
                    .session().sessionId();
            run.tracker().register(sessionId, sender.index(), returning.index());
            routes.add(new Route(sender, sessionId));
        }

        run.ack().window(Long.MIN_VALUE, Long.MAX_VALUE);
        run.deliver().window(Long.MIN_VALUE, Long.MAX_VALUE);
        Semaphore window = new Semaphore(256);
        LongAdder failed = new LongAdder();
        long t0 = System.nanoTime();
        for (int i = 0; i < s.messages(); i++) {
            Route route = routes.get(i % routes.size());
            window.acquire();
            long now = System.nanoTime();
            route.sender().connection().send(route.sessionId(), run.tracker().clientMsgId(now, i), MessageShots.TEXT)
                    .whenComplete((result, error) -> {
                        if (error != null) {
                            failed.increment();
                            run.errors().count(error);
                        } else {
                            run.ack().record(now, System.nanoTime());
                            run.tracker().acked(route.sessionId(), result.seq(), route.sender().index());
                        }
                        window.release();
                    });
        }
        window.acquire(256);
        window.release(256);
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        run.out().printf("%d messages waiting in %d sessions (stored in %.1f s); signing in %s%n",
                s.messages(), routes.size(), sendSeconds, returning.username());
        StatsResult before = run.observer().sample();

        long signIn = System.nanoTime();
        sink.measureFrom(signIn);
        returning.connection().login(returning.username(), org.beacon.bench.load.Fleet.PASSWORD)
                .get(60, TimeUnit.SECONDS);
        double loginMs = (System.nanoTime() - signIn) / 1e6;
        boolean all = run.drain(() -> true);
        double catchupMs = (sink.lastDeliveryNanos() - signIn) / 1e6;
        run.out().printf("sign-in %.1f ms; %s delivered in %.1f ms%n", loginMs,
                all ? "everything" : run.tracker().deliveredUnique() + " messages", catchupMs);

        Histogram acks = run.ack().total();
        Histogram deliveries = run.deliver().total();
        run.report().put("waiting_messages", s.messages());
        run.report().put("sessions", routes.size());
        run.report().put("login_ms", loginMs);
        run.report().put("catchup_ms", catchupMs);
        run.report().put("catchup_complete", all);
        run.putMessageFigures(acks, deliveries, s.messages(), sendSeconds);
        run.report().put("delivered_per_s", catchupMs > 0 ? deliveries.getTotalCount() / (catchupMs / 1000) : 0.0);
        run.putOutcome(before);
    }
}
