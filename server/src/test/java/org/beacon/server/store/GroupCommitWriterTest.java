package org.beacon.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitWriterTest {
    private static final Duration SPACING = Duration.ofMillis(300);

    @TempDir
    Path folder;
    private GroupCommitWriter writer;

    @BeforeEach
    void open() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("w.db"));
        Schema.exec(connection, "PRAGMA journal_mode = WAL");
        Schema.exec(connection, "CREATE TABLE t (k INTEGER PRIMARY KEY)");
        Schema.exec(connection, "CREATE TABLE log (v TEXT)");
        writer = new GroupCommitWriter(connection, "w.db", 1_000, Duration.ofMillis(250), SPACING, () -> { });
        writer.start();
    }

    @AfterEach
    void close() {
        writer.close();
    }

    @Test
    void submit_afterAQuietSpell_commitsWithoutWaitingForTheSpacing() throws Exception {
        GroupCommitWriter patient = null;
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("quiet.db"));
        try {
            Schema.exec(connection, "CREATE TABLE t (k INTEGER PRIMARY KEY)");
            patient = new GroupCommitWriter(connection, "quiet.db", 1_000, Duration.ofMillis(250), Duration.ofMinutes(5),
                    () -> { });
            patient.start();
            // Were the first write held for the spacing, this would take five minutes.
            patient.submit("insert", insert(1)).get(30, TimeUnit.SECONDS);
            assertThat(patient.commits()).isEqualTo(1);
        } finally {
            if (patient != null) {
                patient.close();
            } else {
                connection.close();
            }
        }
    }

    @Test
    void submit_rightAfterACommit_waitsForTheSpacingAndSharesOneCommit() throws Exception {
        long firstSubmitted = System.nanoTime();
        writer.submit("first", insert(1)).get(30, TimeUnit.SECONDS);
        long commitsBefore = writer.commits();

        CompletableFuture<Integer> second = writer.submit("second", insert(2));
        CompletableFuture<Integer> third = writer.submit("third", insert(3));
        second.get(30, TimeUnit.SECONDS);
        long secondDone = System.nanoTime();
        third.get(30, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(secondDone - firstSubmitted)).isGreaterThanOrEqualTo(SPACING);
        assertThat(writer.commits() - commitsBefore).isEqualTo(1);
        assertThat(writer.writesCommitted()).isEqualTo(3);
    }

    @Test
    void submit_manyWrites_completeInSubmitOrderOnTheCompletionThreadNotTheWriter() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        // Holds the writer, so that every callback below is attached before its write can complete.
        CompletableFuture<Integer> gate = writer.submit("gate", waitFor(release));
        for (int key = 10; key < 60; key++) {
            int k = key;
            all.add(writer.submit("insert " + k, insert(k)).thenRun(() -> {
                order.add(k);
                threads.add(Thread.currentThread().getName());
            }));
        }
        release.countDown();
        gate.get(30, TimeUnit.SECONDS);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(order).isSorted().hasSize(50);
        assertThat(threads).containsOnly("beacon-store-completions");
    }

    @Test
    void aFailingWrite_failsAlone_withItsOwnChangesUndone_andTheRestOfItsBatchCommitsOnce() throws Exception {
        writer.submit("first", insert(1)).get(30, TimeUnit.SECONDS);
        long commitsBefore = writer.commits();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> gate = writer.submit("gate", waitFor(release));
        // Submitted within the spacing after "first", so the gate and these three share one batch
        // (the gate only makes sure all of them are queued before any runs).
        CompletableFuture<Integer> before = writer.submit("log and insert 2", c -> {
            try (var statement = c.prepareStatement("INSERT INTO log (v) VALUES ('ran')")) {
                statement.executeUpdate();
            }
            return insert(2).apply(c);
        });
        CompletableFuture<Integer> failing = writer.submit("insert 3, then 1 again", c -> {
            insert(3).apply(c);
            return insert(1).apply(c);
        });
        CompletableFuture<Integer> after = writer.submit("insert 4", insert(4));
        release.countDown();

        assertThat(gate.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(before.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(after.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StoreException.class);
        assertThat(writer.commits() - commitsBefore).isEqualTo(1);
        assertThat(writer.writesCommitted()).isEqualTo(4);
        assertThat(column("SELECT k FROM t ORDER BY k")).containsExactly("1", "2", "4");
        assertThat(column("SELECT v FROM log")).containsExactly("ran");
    }

    private List<String> column(String query) throws SQLException {
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("w.db"));
                var statement = reader.prepareStatement(query);
                var rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** A write that holds the writer until the latch opens. */
    private static GroupCommitWriter.Write<Integer> waitFor(CountDownLatch release) {
        return c -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        };
    }

    private static GroupCommitWriter.Write<Integer> insert(int key) {
        return c -> {
            try (var statement = c.prepareStatement("INSERT INTO t (k) VALUES (?)")) {
                statement.setInt(1, key);
                return statement.executeUpdate();
            }
        };
    }
}
