package org.beacon.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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
 * character messages to its own session, keeping up to {@code inflight} appends outstanding before
 * it waits for the oldest: {@code inflight=1} is a producer that waits for every commit;
 * larger windows let the writer gather groups. The score is appends per second (each one durable
 * when its future completes); after every iteration the benchmark prints the store's
 * <b>messages per commit</b> and <b>commits per second</b> from {@link SqliteStore#stats()}.
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
    static final int SESSIONS = 64;

    @Param({"1", "16", "256"})
    int inflight;

    Path folder;
    SqliteStore store;
    String[] sessions = new String[SESSIONS];
    String text;
    private long commitsBefore;
    private long writesBefore;
    private long iterationStart;

    @Setup(Level.Trial)
    public void open() throws IOException {
        folder = Files.createTempDirectory("beacon-jmh-store");
        store = SqliteStore.open(folder.resolve("bench.db"), OpenMode.CREATE_NEW, Clock.systemUTC());
        List<User> users = new ArrayList<>();
        for (int i = 0; i < SESSIONS + 1; i++) {
            users.add(new User("p" + i, "Producer " + i, "bench", "UTC", "", Set.of("initiate_im"), List.of()));
        }
        store.importDirectory(List.of(new Organization("bench", "Bench", "eoc")), List.of(), users).join();
        Instant now = Instant.now();
        for (int i = 0; i < SESSIONS; i++) {
            sessions[i] = UUID.randomUUID().toString();
            store.insertSession(new SessionRecord(sessions[i], SessionKind.PRIVATE, null, "p" + i, null, now, null, null,
                    List.of(new SessionRecord.ParticipantRecord("p" + i, now, null, 0),
                            new SessionRecord.ParticipantRecord("p" + SESSIONS, now, null, 0)), 0)).join();
        }
        text = "Two units en route to the staging area at Hwy 71, ETA six minutes; ".repeat(3);
    }

    @Setup(Level.Iteration)
    public void markIteration() {
        StoreStats stats = store.stats().join();
        commitsBefore = stats.commits();
        writesBefore = stats.writesCommitted();
        iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void printGroupCommit() {
        StoreStats stats = store.stats().join();
        long commits = stats.commits() - commitsBefore;
        long writes = stats.writesCommitted() - writesBefore;
        double seconds = (System.nanoTime() - iterationStart) / 1e9;
        System.out.printf("  [store] %.1f messages per commit, %.0f commits/s%n",
                commits == 0 ? 0.0 : (double) writes / commits, commits / seconds);
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
        int index;
        long next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            index = thread.getThreadIndex() % SESSIONS;
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
        producer.window.add(store.appendMessage(sessions[producer.index], "p" + producer.index,
                "m-" + producer.index + "-" + n, text, Instant.ofEpochMilli(System.currentTimeMillis())));
        return oldest;
    }
}
