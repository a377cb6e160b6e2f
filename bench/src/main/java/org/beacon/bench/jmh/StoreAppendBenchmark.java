package org.beacon.bench.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.beacon.protocol.model.SessionKind;
import org.beacon.server.directory.Organization;
import org.beacon.server.directory.User;
import org.beacon.server.store.OpenMode;
import org.beacon.server.store.SessionRecord;
import org.beacon.server.store.SqliteStore;
import org.beacon.server.store.StoreStats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The store's durable write path: {@link SqliteStore#appendMessage} (WAL, {@code synchronous=FULL},
 * one writer thread with group commit) on a fresh database in a temporary folder.
 *
 * <p>Each JMH thread is a producer (as the server's sequencer hands writes over) appending ~200
 * character messages with time-ordered client ids (as Beacon's client makes them), each to a
 * session picked at random among {@code sessions}, keeping up to {@code inflight} appends
 * outstanding before it waits for the oldest: {@code inflight=1} is a producer that waits for
 * every commit; larger windows let the writer gather groups. The score is appends per second (each
 * one durable when its future completes); after every iteration the benchmark prints the store's
 * <b>messages per commit</b> and <b>commits per second</b> from {@link SqliteStore#stats()}, and
 * the <b>writer thread's CPU time per message</b>.
 *
 * <p>{@code sessions} shows what spreading a commit's messages over many sessions costs: each
 * message adds an entry at the end of its session's part of the {@code (session_no, seq)} index,
 * so a commit of N messages to N different sessions writes ~N index pages to the WAL (and the
 * checkpoint copies them again), where N messages to a few sessions share a few pages
 * (bench/README.md, eighth sitting).
 *
 * <p>Run: {@code java -jar bench/target/beacon-bench.jar jmh StoreAppendBenchmark -t 4} (threads =
 * concurrent producers, default 4; try {@code -t 1} and {@code -t 16}). The disk's fsync time
 * bounds {@code inflight=1}; see the fsync probe of the load generator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(4)
@Fork(1)
public class StoreAppendBenchmark {
    @Param({"1", "16", "256"})
    int inflight;

    /** Sessions the producers' messages are spread over. */
    @Param({"4", "300"})
    int sessions;

    Path folder;
    SqliteStore store;
    String[] sessionIds;
    String text;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long commitsBefore;
    private long writesBefore;
    private long writerCpuBefore;
    private long iterationStart;

    @Setup(Level.Trial)
    public void open() throws IOException {
        folder = Files.createTempDirectory("beacon-jmh-store");
        store = SqliteStore.open(folder.resolve("bench.db"), OpenMode.CREATE_NEW, Clock.systemUTC());
        List<User> users = new ArrayList<>();
        for (int i = 0; i < sessions + 1; i++) {
            users.add(new User("p" + i, "Producer " + i, "bench", "UTC", "", Set.of("initiate_im"), List.of()));
        }
        store.importDirectory(List.of(new Organization("bench", "Bench", "eoc")), List.of(), users).join();
        Instant now = Instant.now();
        sessionIds = new String[sessions];
        for (int i = 0; i < sessions; i++) {
            sessionIds[i] = UUID.randomUUID().toString();
            store.insertSession(new SessionRecord(sessionIds[i], SessionKind.PRIVATE, null, "p" + i, null, now, null,
                    null, List.of(new SessionRecord.ParticipantRecord("p" + i, now, null, 0),
                            new SessionRecord.ParticipantRecord("p" + sessions, now, null, 0)), 0)).join();
        }
        text = "Two units en route to the staging area at Hwy 71, ETA six minutes; ".repeat(3);
    }

    @Setup(Level.Iteration)
    public void markIteration() {
        StoreStats stats = store.stats().join();
        commitsBefore = stats.commits();
        writesBefore = stats.writesCommitted();
        writerCpuBefore = writerCpuNanos();
        iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void printGroupCommit() {
        StoreStats stats = store.stats().join();
        long commits = stats.commits() - commitsBefore;
        long writes = stats.writesCommitted() - writesBefore;
        double seconds = (System.nanoTime() - iterationStart) / 1e9;
        long writerCpu = writerCpuNanos() - writerCpuBefore;
        System.out.printf("  [store] %.1f messages per commit, %.0f commits/s, writer CPU %.1f µs per message%n",
                commits == 0 ? 0.0 : (double) writes / commits, commits / seconds,
                writes == 0 ? 0.0 : writerCpu / 1e3 / writes);
    }

    /** CPU time of the store's writer thread so far (its name is {@code beacon-store-writer}). */
    private long writerCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("beacon-store-writer"))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId()))
                .sum();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One producer: its session and its window of outstanding appends. */
    @State(Scope.Thread)
    public static class Producer {
        final ArrayDeque<CompletableFuture<?>> window = new ArrayDeque<>();
        final SplittableRandom random = new SplittableRandom();
        int index;
        long next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            index = thread.getThreadIndex();
        }

        @TearDown(Level.Iteration)
        public void drain() {
            while (!window.isEmpty()) {
                window.poll().join();
            }
        }
    }

    @Benchmark
    public Object append(Producer producer) {
        CompletableFuture<?> oldest = null;
        if (producer.window.size() >= inflight) {
            oldest = producer.window.poll();
            oldest.join();
        }
        long n = producer.next++;
        int session = producer.random.nextInt(sessions);
        // Time first, so that ids sort by time as the client's UUID version 7 ids do.
        String clientMsgId = String.format("%016x-%02x-%08x", System.nanoTime(), producer.index, n);
        producer.window.add(store.appendMessage(sessionIds[session], "p" + session, clientMsgId, text,
                Instant.ofEpochMilli(System.currentTimeMillis())));
        return oldest;
    }
}
