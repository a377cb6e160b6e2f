package org.beacon.bench.scenario;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.beacon.bench.load.BenchClient;
import org.beacon.bench.load.DeliveryTracker;
import org.beacon.bench.load.Errors;
import org.beacon.bench.load.Fleet;
import org.beacon.bench.load.GeneratorTransport;
import org.beacon.bench.load.Latency;
import org.beacon.bench.load.Progress;
import org.beacon.bench.report.MachineCpu;
import org.beacon.bench.report.Report;
import org.beacon.bench.server.ProcessProbe;
import org.beacon.bench.server.ServerUnderTest;
import org.beacon.protocol.reply.StatsResult;

/**
 * Everything one scenario run shares: settings, the server, the fleet of clients, the tracker,
 * the latency metrics, errors, the stats observer and the report. Closing it closes the fleet.
 */
public final class BenchRun implements AutoCloseable {
    static final Duration PROGRESS_PERIOD = Duration.ofSeconds(5);
    static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(5);
    static final int SIGN_IN_CONCURRENCY = 200;

    private final Settings settings;
    private final ServerUnderTest server;
    private final PrintStream out;
    private final Report report;
    private final Errors errors = new Errors();
    private final DeliveryTracker tracker;
    private final Latency ack = new Latency();
    private final Latency deliver = new Latency();
    private final Latency sendLag = new Latency();
    private final Fleet fleet;
    private final StatsObserver observer;
    private volatile double generatorCpuAtStart = ownCpuSeconds();
    private volatile Optional<MachineCpu> machineAtStart = MachineCpu.now();
    private volatile CompletableFuture<StatsResult> serverAtStart;

    public BenchRun(Settings settings, ServerUnderTest server, GeneratorTransport clientTransport, int observerIndex,
            PrintStream out, Report report, String runId) throws InterruptedException {
        this.settings = settings;
        this.server = server;
        this.out = out;
        this.report = report;
        this.tracker = new DeliveryTracker(runId);
        this.fleet = new Fleet(server.host(), server.port(), clientTransport.create(settings.clientThreads()),
                errors);
        report.put("generator_transport", fleet.transportName());
        BenchClient observerClient = fleet.client(observerIndex);
        try {
            fleet.loginAll(java.util.List.of(observerClient), 1, SIGN_IN_TIMEOUT);
        } catch (RuntimeException | InterruptedException e) {
            fleet.close();
            throw e;
        }
        this.observer = new StatsObserver(observerClient);
        StatsResult serverAtLogin = observer.sample();
        if (serverAtLogin != null && serverAtLogin.transport() != null) {
            report.put("server_transport", serverAtLogin.transport());
        }
    }

    public Settings settings() {
        return settings;
    }

    public PrintStream out() {
        return out;
    }

    public Report report() {
        return report;
    }

    public Errors errors() {
        return errors;
    }

    public DeliveryTracker tracker() {
        return tracker;
    }

    public Latency ack() {
        return ack;
    }

    public Latency deliver() {
        return deliver;
    }

    /** How late the generator itself fired each send (actual − intended time): its own share of the latency. */
    public Latency sendLag() {
        return sendLag;
    }

    public Fleet fleet() {
        return fleet;
    }

    public StatsObserver observer() {
        return observer;
    }

    public OptionalLong serverPid() {
        return server.pid();
    }

    /** Forces a full GC in a launched server (jcmd), then samples its stats; just samples otherwise. */
    public StatsResult statsAfterFullGc() {
        server.pid().ifPresent(pid -> new ProcessProbe(pid).fullGc());
        return observer.sample();
    }

    public long serverRss() {
        return server.pid().isPresent() ? new ProcessProbe(server.pid().getAsLong()).rssBytes() : -1;
    }

    /** A progress line about messages, every few seconds. */
    public Progress messageProgress(java.util.function.LongSupplier sent, java.util.function.LongSupplier acked) {
        return new Progress(out, PROGRESS_PERIOD, () -> {
            Histogram a = ack.takeInterval();
            Histogram d = deliver.takeInterval();
            StatsResult stats = observer.sample();
            return String.format("sent %d acked %d delivered %d pending %d | ack p99 %.1f ms | deliver p50 %.1f"
                            + " p99 %.1f max %.1f ms | errors %d | server cpu %.1f s, heap after GC %d MB",
                    sent.getAsLong(), acked.getAsLong(), tracker.deliveredUnique(), Math.max(0, tracker.pending()),
                    Latency.ms(a, 99), Latency.ms(d, 50), Latency.ms(d, 99), Latency.maxMs(d), errors.total(),
                    stats == null ? -1 : stats.cpuSeconds(), stats == null ? -1 : stats.heapAfterGcBytes() >> 20);
        });
    }

    /** Waits until {@code done} or {@code timeout}; true if done. A tool's wait, not a test's. */
    public static boolean await(BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    /** Waits for every acked message to reach every participant, at most the drain period. */
    public boolean drain(BooleanSupplier sendsSettled) {
        return await(() -> sendsSettled.getAsBoolean() && tracker.pending() <= 0, settings.drain());
    }

    /** The fields every scenario reports about messages. */
    public void putMessageFigures(Histogram acks, Histogram deliveries, long offered, double seconds) {
        report.put("offered_per_s", seconds > 0 ? offered / seconds : 0.0);
        report.put("delivered_per_s", seconds > 0 ? deliveries.getTotalCount() / seconds : 0.0);
        report.put("ack_p50_ms", Latency.ms(acks, 50));
        report.put("ack_p99_ms", Latency.ms(acks, 99));
        report.put("ack_p999_ms", Latency.ms(acks, 99.9));
        report.put("ack_max_ms", Latency.maxMs(acks));
        report.put("deliver_p50_ms", Latency.ms(deliveries, 50));
        report.put("deliver_p99_ms", Latency.ms(deliveries, 99));
        report.put("deliver_p999_ms", Latency.ms(deliveries, 99.9));
        report.put("deliver_max_ms", Latency.maxMs(deliveries));
        Histogram lag = sendLag.total();
        if (lag.getTotalCount() > 0) {
            report.put("send_lag_p99_ms", Latency.ms(lag, 99));
            report.put("send_lag_max_ms", Latency.maxMs(lag));
        }
    }

    /**
     * Marks the start of the measured window for {@code generator_cpu_s} and the machine's CPU
     * figures (default: the run's start) and samples the server's stats at the same moment.
     * Passing that sample to {@link #putOutcome} makes {@code server_cpu_s} cover the same window,
     * and only then is {@code other_cpu_s} reported.
     */
    public CompletableFuture<StatsResult> markMeasureStart() {
        generatorCpuAtStart = ownCpuSeconds();
        machineAtStart = MachineCpu.now();
        CompletableFuture<StatsResult> stats = observer.sampleAsync();
        serverAtStart = stats;
        return stats;
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /**
     * Lost, duplicated, errors (total and {@code errors_CODE}), server CPU and heap, and the
     * machine's CPU over the generator's window: {@code machine_busy_s}, {@code machine_idle_s} and,
     * when {@code statsBefore} is the sample {@link #markMeasureStart} took, {@code other_cpu_s}
     * (busy time that was neither the server's nor the generator's: other processes and kernel threads).
     */
    public void putOutcome(StatsResult statsBefore) {
        report.put("lost", tracker.lost());
        report.put("duplicated", tracker.duplicates());
        report.put("errors", errors.total());
        errors.snapshot().forEach((code, n) -> report.put("errors_" + code, n));
        // The window closes here for all three figures; the forced full GC for the heap comes after.
        double generatorCpu = ownCpuSeconds() - generatorCpuAtStart;
        Optional<MachineCpu> machineAtEnd = MachineCpu.now();
        StatsResult atEnd = observer.sample();
        StatsResult last = statsAfterFullGc();
        report.put("generator_cpu_s", generatorCpu);
        Double serverCpu = atEnd != null && statsBefore != null ? atEnd.cpuSeconds() - statsBefore.cpuSeconds() : null;
        if (serverCpu != null) {
            report.put("server_cpu_s", serverCpu);
        }
        Optional<MachineCpu> machineBefore = machineAtStart;
        if (machineBefore.isPresent() && machineAtEnd.isPresent()) {
            double busy = machineAtEnd.get().busySecondsSince(machineBefore.get());
            report.put("machine_busy_s", busy);
            report.put("machine_idle_s", machineAtEnd.get().idleSecondsSince(machineBefore.get()));
            CompletableFuture<StatsResult> marked = serverAtStart;
            boolean sameWindow = marked != null && marked.isDone() && marked.join() == statsBefore;
            if (serverCpu != null && sameWindow && server.pid().isPresent()) {
                report.put("other_cpu_s", busy - serverCpu - generatorCpu);
            }
        }
        report.put("server_heap_peak_bytes", observer.peakHeapAfterGc());
        if (last != null) {
            report.put("server_heap_after_run_bytes", last.heapAfterGcBytes());
            if (statsBefore != null && last.commits() > statsBefore.commits()) {
                report.put("server_writes_per_commit", (double) (last.writesCommitted() - statsBefore.writesCommitted())
                        / (last.commits() - statsBefore.commits()));
            }
        }
    }

    @Override
    public void close() {
        fleet.close();
    }
}
