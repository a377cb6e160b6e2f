package org.beacon.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.beacon.bench.load.Fleet;
import org.beacon.bench.load.GeneratorTransport;
import org.beacon.bench.report.FsyncProbe;
import org.beacon.bench.report.Report;
import org.beacon.bench.scenario.BenchRun;
import org.beacon.bench.scenario.Scenario;
import org.beacon.bench.scenario.Settings;
import org.beacon.bench.server.LaunchedServer;
import org.beacon.bench.server.RemoteServer;
import org.beacon.bench.server.ServerUnderTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code beacon-bench}: the load generator. One scenario per run (or all of them with
 * {@code --smoke} and no scenario), each against a fresh server in its own JVM unless
 * {@code --server} is given. {@code beacon-bench jmh [JMH options]} runs the JMH benchmarks instead.
 *
 * <p>Exit codes: 0 the run completed and nothing was lost or duplicated; 1 something was lost or
 * duplicated, or the run failed; 2 usage error. Speed never changes the exit code: targets are
 * compared in bench/README.md, not asserted.
 */
@Command(name = "beacon-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Open-loop load generator for the Beacon server.",
            "Scenarios: steady, capacity, fanout, idle, resume-storm, offline. "
                    + "`beacon-bench jmh [JMH options]` runs the JMH benchmarks."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:completed, nothing lost or duplicated", "1:lost or duplicated messages, or the run failed",
            "2:usage error"})
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "steady | capacity | fanout | idle | resume-storm | offline (all of them with --smoke)")
    String scenarioName;

    @Option(names = "--users", paramLabel = "N", description = "Simulated users (connections).")
    Integer users;

    @Option(names = "--rate", paramLabel = "R",
            description = "Messages a second (capacity: first step; resume-storm: paced resumes a second).")
    Double rate;

    @Option(names = "--duration", paramLabel = "S", description = "Measured seconds (capacity: per step).")
    Double duration;

    @Option(names = "--warmup", paramLabel = "S", description = "Warm-up seconds before measuring (resume-storm: paced resume rounds).")
    Double warmup;

    @Option(names = "--step", paramLabel = "R", description = "capacity: rate increase per step.")
    Double step;

    @Option(names = "--max-rate", paramLabel = "R", description = "capacity: highest rate tried.")
    Double maxRate;

    @Option(names = "--messages", paramLabel = "N", description = "offline: waiting messages.")
    Integer messages;

    @Option(names = "--partners", paramLabel = "N",
            description = "steady/capacity: chat partners per user; offline: sessions (senders).")
    Integer partners;

    @Option(names = "--drain", paramLabel = "S", description = "Longest wait for outstanding deliveries (default: 10, offline 30).")
    Integer drainSeconds;

    @Option(names = "--client-threads", paramLabel = "N", description = "Event-loop threads of the generator (default 2; steady 1).")
    Integer clientThreads;

    @Option(names = "--server", paramLabel = "HOST:PORT",
            description = "Target a running server (it must hold the bench users, see bench/README.md).")
    String server;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as one flat JSON object"
            + " (with several scenarios: FILE-SCENARIO.json).")
    Path json;

    @Option(names = "--smoke", description = "CI mode: small N, a few seconds; checks nothing is lost or duplicated.")
    boolean smoke;

    @Option(names = "--server-jvm-option", paramLabel = "OPT",
            description = "Extra option for a launched server's JVM (repeatable), e.g. -Xmx1g, -XX:StartFlightRecording=filename=s.jfr.")
    List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--server-option", paramLabel = "OPT",
            description = "Extra option for a launched server's serve command (repeatable; an option and its value"
                    + " as one: --server-option=--io-threads=1).")
    List<String> serverOptions = new ArrayList<>();

    @Option(names = "--client-transport", paramLabel = "KIND", converter = TransportConverter.class,
            description = "The generator's transport: auto (io_uring, else epoll, else nio), io_uring, epoll or nio"
                    + " (default: auto; steady and capacity epoll).")
    GeneratorTransport clientTransport;

    @Option(names = "--timeline", paramLabel = "FILE",
            description = "Also write one CSV line per message of the measured window (capacity: its last step):"
                    + " intended time, first and last delivery (ms, the generator's monotonic clock), recipients.")
    Path timeline;

    @Option(names = "--keep-files", description = "Keep the launched server's folder (database, server.log).")
    boolean keepFiles;

    @Option(names = "--write-directory", paramLabel = "FILE",
            description = "Write the import file with --users bench users (for --server) and exit.")
    Path writeDirectory;

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("jmh")) {
            try {
                org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
                return;
            } catch (Exception e) {
                System.err.println("jmh: " + e);
                System.exit(1);
            }
        }
        System.exit(execute(System.out, args));
    }

    /** Runs the command line; returns the exit code (tests call this). */
    public static int execute(PrintStream out, String... args) {
        QuietLogs.apply();
        return new CommandLine(new BenchCommand(out)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (writeDirectory != null) {
            int n = users == null ? 1_000 : users;
            org.beacon.bench.server.BenchDirectory.write(writeDirectory, n + 1);
            out.printf("wrote %d users (%s .. %s, password \"%s\") to %s%n", n + 1, Fleet.username(0), Fleet.username(n),
                    Fleet.PASSWORD, writeDirectory);
            return 0;
        }
        List<Scenario> scenarios;
        if (scenarioName == null) {
            if (!smoke) {
                throw new CommandLine.ParameterException(new CommandLine(this), "Missing SCENARIO");
            }
            scenarios = Scenario.all();
        } else {
            scenarios = List.of(Scenario.named(scenarioName).orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), "Unknown scenario " + scenarioName)));
        }
        Histogram fsync = new FsyncProbe(Path.of(System.getProperty("java.io.tmpdir")), smoke ? 50 : 300).measure();
        out.printf("fsync probe: p50 %.3f ms, p99 %.3f ms; load average %s%n", fsync.getValueAtPercentile(50) / 1000.0,
                fsync.getValueAtPercentile(99) / 1000.0, Machine.loadAverage());
        boolean clean = true;
        boolean single = scenarios.size() == 1;
        for (Scenario scenario : scenarios) {
            Path timelineFile = timeline == null || single ? timeline : withSuffix(timeline, scenario.name(), ".csv");
            Report report = runOne(scenario, fsync, timelineFile);
            out.println("== " + scenario.name());
            report.print(out);
            if (json != null) {
                report.writeJson(single ? json : withSuffix(json, scenario.name(), ".json"));
            }
            clean &= report.getLong("lost") == 0 && report.getLong("duplicated") == 0 && report.get("failure") == null;
        }
        return clean ? 0 : 1;
    }

    private Report runOne(Scenario scenario, Histogram fsync, Path timelineFile) throws Exception {
        Settings settings = resolve(scenario.defaults(smoke));
        Report report = new Report();
        report.put("scenario", scenario.name());
        report.put("date", ZonedDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        report.put("smoke", smoke);
        report.put("machine_cpus", Runtime.getRuntime().availableProcessors());
        report.put("load_average_1m", Machine.loadAverage1m());
        report.put("java_version", System.getProperty("java.version"));
        report.put("fsync_p50_ms", fsync.getValueAtPercentile(50) / 1000.0);
        report.put("fsync_p99_ms", fsync.getValueAtPercentile(99) / 1000.0);
        int seeded = scenario.usersNeeded(settings) + 1; // the last one is the stats observer
        out.printf("== %s: %s%n", scenario.name(), settings);
        ServerUnderTest target = server != null
                ? RemoteServer.parse(server)
                : LaunchedServer.start(Path.of(System.getProperty("java.io.tmpdir")), seeded, serverJvmOptions,
                        serverOptions, keepFiles, out);
        Thread cleanup = new Thread(target::close, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (target) {
            try (BenchRun run = new BenchRun(settings, target,
                    clientTransport != null ? clientTransport : scenario.defaultTransport(), seeded - 1, out, report,
                    UUID.randomUUID().toString().substring(0, 8))) {
                if (timelineFile != null) {
                    run.tracker().recordArrivalTimes();
                }
                scenario.run(run);
                if (timelineFile != null) {
                    run.tracker().writeTimeline(timelineFile);
                    out.println("timeline: " + timelineFile);
                }
            }
        } catch (Exception e) {
            report.put("failure", e.toString());
            out.println(scenario.name() + " failed: " + e);
            if (target instanceof LaunchedServer launched) {
                out.println("server log tail:\n" + launched.logTail(20));
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running; it closes the server
            }
        }
        return report;
    }

    private Settings resolve(Settings d) {
        return new Settings(
                users != null ? users : d.users(),
                rate != null ? rate : d.rate(),
                duration != null ? duration : d.duration(),
                warmup != null ? warmup : d.warmup(),
                drainSeconds != null ? Duration.ofSeconds(drainSeconds) : d.drain(),
                step != null ? step : d.step(),
                maxRate != null ? maxRate : d.maxRate(),
                messages != null ? messages : d.messages(),
                partners != null ? partners : d.partners(),
                clientThreads != null ? clientThreads : d.clientThreads(),
                smoke);
    }

    private static Path withSuffix(Path file, String suffix, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + "-" + suffix + extension);
    }

    /** {@code auto}, {@code io_uring}, ... to a {@link GeneratorTransport}; anything else is a usage error naming the choices. */
    static final class TransportConverter implements CommandLine.ITypeConverter<GeneratorTransport> {
        @Override
        public GeneratorTransport convert(String value) {
            try {
                return GeneratorTransport.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a transport; use auto, io_uring, epoll or nio");
            }
        }
    }
}
