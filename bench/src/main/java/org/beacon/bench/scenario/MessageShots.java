package org.beacon.bench.scenario;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.beacon.bench.load.OpenLoop;
import org.beacon.bench.load.Progress;
import org.beacon.protocol.reply.StatsResult;

/**
 * Shot {@code n} sends one message along route {@code n mod routes}: a ~200-byte text with a
 * client message id that carries its intended time. The ok records send→ack latency and tells the
 * tracker which recipients to expect; a failure counts under its error code.
 */
final class MessageShots implements OpenLoop.Shot {
    static final String TEXT = textOf(200);

    private final BenchRun run;
    private final Route[] routes;
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private long sequence;

    MessageShots(BenchRun run, List<Route> routes) {
        this.run = run;
        this.routes = routes.toArray(Route[]::new);
    }

    @Override
    public void fire(long n, long intendedNanos) {
        Route route = routes[(int) (sequence++ % routes.length)];
        String clientMsgId = run.tracker().clientMsgId(intendedNanos, sequence);
        sent.increment();
        run.sendLag().record(intendedNanos, System.nanoTime());
        route.sender().connection().send(route.sessionId(), clientMsgId, TEXT).whenComplete((result, error) -> {
            long now = System.nanoTime();
            if (error != null) {
                failed.increment();
                run.errors().count(error);
                return;
            }
            run.ack().record(intendedNanos, now);
            run.tracker().acked(route.sessionId(), result.seq(), route.sender().index());
            acked.increment();
        });
    }

    long sent() {
        return sent.sum();
    }

    long acked() {
        return acked.sum();
    }

    /** Every send has its reply (ok or error). */
    boolean settled() {
        return acked.sum() + failed.sum() >= sent.sum();
    }

    static String textOf(int length) {
        String words = "Two units en route to the staging area at Hwy 71, ETA six minutes; request status of"
                + " triage tents and the number of available beds at the receiving hospitals. ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(words);
        }
        return text.substring(0, length).trim();
    }

    /** What one measured window produced. */
    record Window(long offered, boolean drained, CompletableFuture<StatsResult> statsAtStart) {
    }

    /**
     * {@link #measure} with a progress line every few seconds, saying so when the drain period ran
     * out with deliveries outstanding.
     */
    @SuppressWarnings("try") // the progress line runs while the body does
    Window measureWithProgress(double rate, Settings settings) {
        Window window;
        try (Progress progress = run.messageProgress(this::sent, this::acked)) {
            window = measure(rate, settings);
        }
        if (!window.drained()) {
            run.out().println("drain period over with deliveries outstanding");
        }
        return window;
    }

    /**
     * Fires at {@code rate} through the warm-up, then through the measured window (latencies count
     * only inside it; server stats are sampled as it opens), then waits for the deliveries to settle.
     */
    Window measure(double rate, Settings settings) {
        OpenLoop loop = new OpenLoop(rate);
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + settings.warmupNanos();
        long end = measureFrom + settings.durationNanos();
        run.ack().window(measureFrom, end);
        run.deliver().window(measureFrom, end);
        run.sendLag().window(measureFrom, end);
        run.tracker().window(measureFrom, end);
        loop.run(start, measureFrom, this);
        CompletableFuture<StatsResult> atStart = run.markMeasureStart();
        long offered = loop.run(measureFrom, end, this);
        return new Window(offered, run.drain(this::settled), atStart);
    }
}
